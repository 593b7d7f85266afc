package com.teaminbox.bridge.signal;

import com.teaminbox.bridge.keys.DeviceKeys;
import com.teaminbox.bridge.signal.memory.InMemorySignalProtocolStore;
import java.security.SecureRandom;

/** A device with fresh keys and in-memory stores, plus what the server would hand out for it. */
public final class TestDevice {
    public static final SecureRandom RANDOM = new SecureRandom();

    public final SignalAddress address;
    public final DeviceKeys keys;
    public final InMemorySignalProtocolStore store;
    private int nextPreKey;

    public TestDevice(String user, int deviceId) {
        this.address = new SignalAddress(user, deviceId);
        this.keys = DeviceKeys.generate(RANDOM, 1, 100, 8, 1_700_000_000_000L);
        this.store = InMemorySignalProtocolStore.of(keys);
    }

    /** The next bundle the server would hand out, each with its own one-time prekey. */
    public PreKeyBundle bundle() {
        return keys.bundle(address.deviceId(), keys.oneTimePreKeys().get(nextPreKey++));
    }

    public PreKeyBundle bundleWithoutOneTimePreKey() {
        return keys.bundle(address.deviceId(), null);
    }

    public void startSessionWith(TestDevice other) throws InvalidKeyException, UntrustedIdentityException {
        new SessionBuilder(store, other.address, RANDOM).process(other.bundle());
    }

    public SessionCipher cipherFor(TestDevice other) {
        return new SessionCipher(store, other.address, RANDOM);
    }

    /** Encrypts and sends through bytes, as the transport would. */
    public CiphertextMessage send(TestDevice to, String text) throws Exception {
        CiphertextMessage message = cipherFor(to).encrypt(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return CiphertextMessage.deserialize(message.type(), message.serialize());
    }

    public String receive(TestDevice from, CiphertextMessage message) throws Exception {
        return new String(cipherFor(from).decrypt(message), java.nio.charset.StandardCharsets.UTF_8);
    }
}
