package com.teaminbox.bridge.fanout;

import com.teaminbox.bridge.signal.CiphertextMessage;
import com.teaminbox.bridge.signal.SignalAddress;
import java.util.Objects;

/** The ciphertext for one target device; the server queues one copy per device. */
public record DeviceCiphertext(SignalAddress device, CiphertextMessage message) {
    public DeviceCiphertext {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(message, "message");
    }
}
