package com.teaminbox.bridge.linking;

/**
 * The outcome of a successful link, to be stored by the caller: who we are now, and the
 * primary's identity key we trust for device 0 of the account.
 */
public record LinkedDevice(String accountId, int deviceId, long keyIndex, byte[] primaryIdentityPublicKey,
                           SignedDeviceIdentity identity, String businessName, String platform) {

    public LinkedDevice {
        primaryIdentityPublicKey = primaryIdentityPublicKey.clone();
    }

    @Override
    public byte[] primaryIdentityPublicKey() {
        return primaryIdentityPublicKey.clone();
    }

    @Override
    public String toString() {
        return "LinkedDevice[" + accountId + ":" + deviceId + ", keyIndex=" + keyIndex + "]";
    }
}
