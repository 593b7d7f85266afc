package com.teaminbox.server.device.keys;

import com.teaminbox.bridge.crypto.X25519KeyPair;
import java.util.Objects;

/** One companion device's keys as kept by the inbox: its Noise static key and its Signal stores. */
public record StoredDeviceKeys(long deviceId, X25519KeyPair noiseKey, PersistentSignalStore store) {

    public StoredDeviceKeys {
        Objects.requireNonNull(noiseKey, "noiseKey");
        Objects.requireNonNull(store, "store");
    }

    @Override
    public String toString() {
        return "StoredDeviceKeys[device=" + deviceId + ", " + noiseKey + ", " + store + "]";
    }
}
