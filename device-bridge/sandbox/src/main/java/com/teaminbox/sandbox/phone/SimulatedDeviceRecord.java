package com.teaminbox.sandbox.phone;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A simulated device as kept in {@code dataDir/simulation.json}: its private keys (it is a
 * sandbox), its Signal sessions and the identities it trusts. Never logged.
 */
public record SimulatedDeviceRecord(String account, int device, String platform, byte[] noisePublicKey,
                                    byte[] noisePrivateKey, byte[] identityKeyPair, int registrationId,
                                    Map<String, byte[]> identities, Map<String, byte[]> sessions,
                                    List<byte[]> preKeys, List<byte[]> signedPreKeys) {

    @Override
    public String toString() {
        return "SimulatedDeviceRecord[" + account + ":" + device + "]";
    }

    static Builder builder() {
        return new Builder();
    }

    /** Collects the parts as the device and its store write them. */
    static final class Builder {
        private String account;
        private int device;
        private String platform;
        private byte[] noisePublicKey;
        private byte[] noisePrivateKey;
        private byte[] identityKeyPair;
        private int registrationId;
        private final Map<String, byte[]> identities = new LinkedHashMap<>();
        private final Map<String, byte[]> sessions = new LinkedHashMap<>();
        private final List<byte[]> preKeys = new ArrayList<>();
        private final List<byte[]> signedPreKeys = new ArrayList<>();

        Builder device(String newAccount, int newDevice, String newPlatform) {
            account = newAccount;
            device = newDevice;
            platform = newPlatform;
            return this;
        }

        Builder keys(byte[] noisePublic, byte[] noisePrivate, byte[] identity, int registration) {
            noisePublicKey = noisePublic;
            noisePrivateKey = noisePrivate;
            identityKeyPair = identity;
            registrationId = registration;
            return this;
        }

        void identity(String address, byte[] key) {
            identities.put(address, key);
        }

        void session(String address, byte[] record) {
            sessions.put(address, record);
        }

        void preKey(byte[] record) {
            preKeys.add(record);
        }

        void signedPreKey(byte[] record) {
            signedPreKeys.add(record);
        }

        SimulatedDeviceRecord build() {
            return new SimulatedDeviceRecord(account, device, platform, noisePublicKey, noisePrivateKey,
                    identityKeyPair, registrationId, identities, sessions, preKeys, signedPreKeys);
        }
    }
}
