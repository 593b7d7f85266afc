package com.teaminbox.bridge.client;

import com.teaminbox.bridge.crypto.X25519KeyPair;
import com.teaminbox.bridge.signal.SignalProtocolStore;
import com.teaminbox.bridge.stanza.DeviceAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a device is to the network: its Noise static key (which authenticates its logins),
 * its Signal stores (identity, prekeys, sessions) and, once linked, its address. The inbox
 * persists the three; the client only reads them and sets the address when linking succeeds.
 */
public final class DeviceRegistration {

    private final X25519KeyPair noiseKey;
    private final SignalProtocolStore store;
    private final String platform;
    private volatile DeviceAddress address;

    public DeviceRegistration(X25519KeyPair noiseKey, SignalProtocolStore store, String platform, DeviceAddress address) {
        this.noiseKey = Objects.requireNonNull(noiseKey, "noiseKey");
        this.store = Objects.requireNonNull(store, "store");
        this.platform = Objects.requireNonNull(platform, "platform");
        this.address = address;
    }

    /** A device that has not been linked yet. */
    public static DeviceRegistration unlinked(X25519KeyPair noiseKey, SignalProtocolStore store, String platform) {
        return new DeviceRegistration(noiseKey, store, platform, null);
    }

    public X25519KeyPair noiseKey() {
        return noiseKey;
    }

    public SignalProtocolStore store() {
        return store;
    }

    public String platform() {
        return platform;
    }

    public Optional<DeviceAddress> address() {
        return Optional.ofNullable(address);
    }

    void linkedAs(DeviceAddress newAddress) {
        this.address = Objects.requireNonNull(newAddress);
    }

    @Override
    public String toString() {
        return "DeviceRegistration[" + (address == null ? "unlinked" : address) + ", " + platform + "]";
    }
}
