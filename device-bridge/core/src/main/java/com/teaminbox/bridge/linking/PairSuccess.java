package com.teaminbox.bridge.linking;

/** What the server's pair-success stanza tells the companion. */
public record PairSuccess(byte[] signedIdentity, int deviceId, String businessName, String platform) {

    public PairSuccess {
        signedIdentity = signedIdentity.clone();
    }

    @Override
    public byte[] signedIdentity() {
        return signedIdentity.clone();
    }
}
