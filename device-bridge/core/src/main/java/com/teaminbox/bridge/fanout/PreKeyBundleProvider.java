package com.teaminbox.bridge.fanout;

import com.teaminbox.bridge.signal.PreKeyBundle;
import com.teaminbox.bridge.signal.SignalAddress;
import java.util.Optional;

/** Fetches a device's prekey bundle from the server, for devices the sender has no session with yet. */
public interface PreKeyBundleProvider {

    /** Empty when the server has no bundle for the device (e.g. it was just unlinked). */
    Optional<PreKeyBundle> bundleFor(SignalAddress device);
}
