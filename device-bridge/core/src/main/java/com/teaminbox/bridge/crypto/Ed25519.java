package com.teaminbox.bridge.crypto;

/** Plain Ed25519 (RFC 8032 "pure" variant), used to check XEdDSA output against a second verifier. */
public final class Ed25519 {

    public static final int KEY_LENGTH = 32;
    public static final int SIGNATURE_LENGTH = 64;

    private Ed25519() {
    }

    /** @param privateKey32 the RFC 8032 32-byte secret seed (hashed before use, unlike XEdDSA) */
    public static byte[] sign(byte[] privateKey32, byte[] message) {
        requireLength(privateKey32, KEY_LENGTH, "private key");
        byte[] signature = new byte[SIGNATURE_LENGTH];
        org.bouncycastle.math.ec.rfc8032.Ed25519.sign(privateKey32, 0, message, 0, message.length, signature, 0);
        return signature;
    }

    public static byte[] publicKeyOf(byte[] privateKey32) {
        requireLength(privateKey32, KEY_LENGTH, "private key");
        byte[] publicKey = new byte[KEY_LENGTH];
        org.bouncycastle.math.ec.rfc8032.Ed25519.generatePublicKey(privateKey32, 0, publicKey, 0);
        return publicKey;
    }

    /** @return false for any malformed key or signature as well as for a wrong one */
    public static boolean verify(byte[] publicKey32, byte[] message, byte[] signature) {
        if (publicKey32 == null || publicKey32.length != KEY_LENGTH
                || signature == null || signature.length != SIGNATURE_LENGTH || message == null) {
            return false;
        }
        return org.bouncycastle.math.ec.rfc8032.Ed25519.verify(signature, 0, publicKey32, 0, message, 0, message.length);
    }

    private static void requireLength(byte[] value, int length, String what) {
        if (value == null || value.length != length) {
            throw new IllegalArgumentException(what + " must be " + length + " bytes");
        }
    }
}
