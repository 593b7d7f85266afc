package com.teaminbox.bridge.linking;

/** The companion's first pairing-code message to the server. The code itself is never sent. */
public record PairCodeHello(String phoneNumber, byte[] wrappedEphemeralKey, byte[] noisePublicKey, String platform) {

    public PairCodeHello {
        wrappedEphemeralKey = wrappedEphemeralKey.clone();
        noisePublicKey = noisePublicKey.clone();
    }

    @Override
    public byte[] wrappedEphemeralKey() {
        return wrappedEphemeralKey.clone();
    }

    @Override
    public byte[] noisePublicKey() {
        return noisePublicKey.clone();
    }
}
