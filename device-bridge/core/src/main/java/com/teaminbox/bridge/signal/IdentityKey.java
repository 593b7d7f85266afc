package com.teaminbox.bridge.signal;

import java.util.Arrays;
import java.util.HexFormat;

/** The public half of a device's long-term identity (X25519, signs with XEdDSA). */
public final class IdentityKey {
    private final byte[] publicKey;

    public IdentityKey(byte[] publicKey) {
        DjbPublicKey.requireKeyLength(publicKey);
        this.publicKey = publicKey.clone();
    }

    /** Parses the 33-byte, type-prefixed form. */
    public static IdentityKey deserialize(byte[] serialized) throws InvalidKeyException {
        return new IdentityKey(DjbPublicKey.deserialize(serialized));
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The 33-byte, type-prefixed form that Signal MACs and signatures cover. */
    public byte[] serialize() {
        return DjbPublicKey.serialize(publicKey);
    }

    /** A short public fingerprint for logs; the key is public, but logs need no more than this. */
    public String fingerprint() {
        return HexFormat.of().formatHex(publicKey, 0, 6);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdentityKey key && Arrays.equals(publicKey, key.publicKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return "IdentityKey[" + fingerprint() + "]";
    }
}
