package com.teaminbox.bridge.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An X25519 key pair (Noise static or ephemeral key, Signal identity or prekey). Immutable:
 * both accessors return copies so that no caller can alter or keep a reference to the private
 * key held here. {@link #toString()} shows the public key only.
 */
public final class X25519KeyPair {

    private final byte[] publicKey;
    private final byte[] privateKey;

    /**
     * @param publicKey  32-byte Montgomery u-coordinate
     * @param privateKey 32-byte scalar (clamped or not; X25519 clamps on use)
     */
    public X25519KeyPair(byte[] publicKey, byte[] privateKey) {
        X25519.requireKeyLength(publicKey, "public key");
        X25519.requireKeyLength(privateKey, "private key");
        this.publicKey = publicKey.clone();
        this.privateKey = privateKey.clone();
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    public byte[] privateKey() {
        return privateKey.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof X25519KeyPair that
                && MessageDigest.isEqual(publicKey, that.publicKey)
                && MessageDigest.isEqual(privateKey, that.privateKey);
    }

    @Override
    public int hashCode() {
        // The public key alone identifies the pair; hashing secret bytes would leak nothing
        // useful but also buys nothing.
        return Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return "X25519KeyPair[publicKey=" + HexFormat.of().formatHex(publicKey) + "]";
    }
}
