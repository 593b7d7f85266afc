package com.teaminbox.bridge.signal;

import java.util.OptionalInt;

/**
 * The X3DH data an initiator repeats in every message until the peer answers, so the peer can
 * build the session from whichever of those messages arrives first.
 */
record PendingPreKey(OptionalInt preKeyId, int signedPreKeyId, byte[] baseKey) {
    PendingPreKey {
        DjbPublicKey.requireKeyLength(baseKey);
        baseKey = baseKey.clone();
    }

    @Override
    public byte[] baseKey() {
        return baseKey.clone();
    }
}
