package com.teaminbox.bridge.signal;

import java.util.Arrays;

/**
 * Signal's serialised form of a Curve25519 public key: the type byte 0x05 followed by the 32-byte
 * u-coordinate. Signatures and MACs cover this 33-byte form, so it must match Signal exactly.
 */
public final class DjbPublicKey {
    public static final byte TYPE = 0x05;
    public static final int KEY_LENGTH = 32;
    public static final int SERIALIZED_LENGTH = KEY_LENGTH + 1;

    private DjbPublicKey() {
    }

    public static byte[] serialize(byte[] publicKey) {
        requireKeyLength(publicKey);
        byte[] out = new byte[SERIALIZED_LENGTH];
        out[0] = TYPE;
        System.arraycopy(publicKey, 0, out, 1, KEY_LENGTH);
        return out;
    }

    public static byte[] deserialize(byte[] serialized) throws InvalidKeyException {
        if (serialized.length != SERIALIZED_LENGTH) {
            throw new InvalidKeyException("public key must be " + SERIALIZED_LENGTH + " bytes, was " + serialized.length);
        }
        if (serialized[0] != TYPE) {
            throw new InvalidKeyException("unknown key type " + (serialized[0] & 0xFF));
        }
        return Arrays.copyOfRange(serialized, 1, SERIALIZED_LENGTH);
    }

    static void requireKeyLength(byte[] key) {
        if (key == null || key.length != KEY_LENGTH) {
            throw new IllegalArgumentException("Curve25519 key must be " + KEY_LENGTH + " bytes");
        }
    }
}
