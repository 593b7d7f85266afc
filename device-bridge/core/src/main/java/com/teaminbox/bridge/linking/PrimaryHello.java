package com.teaminbox.bridge.linking;

/** The primary's answer to a typed code: its own wrapped ephemeral key and its identity key. */
public record PrimaryHello(byte[] wrappedEphemeralKey, byte[] identityPublicKey) {

    public PrimaryHello {
        wrappedEphemeralKey = wrappedEphemeralKey.clone();
        identityPublicKey = identityPublicKey.clone();
    }

    @Override
    public byte[] wrappedEphemeralKey() {
        return wrappedEphemeralKey.clone();
    }

    @Override
    public byte[] identityPublicKey() {
        return identityPublicKey.clone();
    }
}
