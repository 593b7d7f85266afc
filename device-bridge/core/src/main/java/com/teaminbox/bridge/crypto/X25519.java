package com.teaminbox.bridge.crypto;

import java.security.SecureRandom;

/** X25519 Diffie-Hellman (RFC 7748) on Bouncy Castle's constant-time Montgomery ladder. */
public final class X25519 {

    public static final int KEY_LENGTH = 32;

    private X25519() {
    }

    public static X25519KeyPair generateKeyPair(SecureRandom random) {
        byte[] privateKey = new byte[KEY_LENGTH];
        org.bouncycastle.math.ec.rfc7748.X25519.generatePrivateKey(random, privateKey);
        return new X25519KeyPair(publicKeyOf(privateKey), privateKey);
    }

    /** Rebuilds a key pair from a stored private key (and lets tests inject fixed keys). */
    public static X25519KeyPair keyPairOf(byte[] privateKey) {
        return new X25519KeyPair(publicKeyOf(privateKey), privateKey);
    }

    public static byte[] publicKeyOf(byte[] privateKey) {
        requireKeyLength(privateKey, "private key");
        byte[] publicKey = new byte[KEY_LENGTH];
        org.bouncycastle.math.ec.rfc7748.X25519.generatePublicKey(privateKey, 0, publicKey, 0);
        return publicKey;
    }

    /**
     * @return the 32-byte shared secret
     * @throws InvalidPublicKeyException when the result is all zero, i.e. the peer sent a
     *         low-order point; using such a secret would give keys anyone can compute
     */
    public static byte[] agree(byte[] privateKey, byte[] publicKey) throws InvalidPublicKeyException {
        requireKeyLength(privateKey, "private key");
        requireKeyLength(publicKey, "public key");
        byte[] shared = new byte[KEY_LENGTH];
        boolean contributory = org.bouncycastle.math.ec.rfc7748.X25519
                .calculateAgreement(privateKey, 0, publicKey, 0, shared, 0);
        if (!contributory) {
            throw new InvalidPublicKeyException("X25519 public key is a low-order point (all-zero shared secret)");
        }
        return shared;
    }

    static void requireKeyLength(byte[] key, String what) {
        if (key == null || key.length != KEY_LENGTH) {
            throw new IllegalArgumentException(what + " must be " + KEY_LENGTH + " bytes");
        }
    }
}
