package com.teaminbox.bridge.linking;

/**
 * What the primary hands the server when it approves a companion: the signed identity (sent on
 * to the companion in pair-success) and the new signed key-index list that includes it.
 */
public record LinkApproval(SignedDeviceIdentity identity, DeviceIdentityDetails details,
                           byte[] companionIdentityPublicKey, SignedKeyIndexList keyIndexes) {

    public LinkApproval {
        companionIdentityPublicKey = companionIdentityPublicKey.clone();
    }

    @Override
    public byte[] companionIdentityPublicKey() {
        return companionIdentityPublicKey.clone();
    }

    @Override
    public String toString() {
        return "LinkApproval[" + details + "]";
    }
}
