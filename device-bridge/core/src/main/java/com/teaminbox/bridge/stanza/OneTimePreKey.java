package com.teaminbox.bridge.stanza;

import java.util.Arrays;

/** A one-time prekey as uploaded to, or handed out by, the server: a 24-bit id and an X25519 public key. */
public record OneTimePreKey(int id, byte[] publicKey) {

    static final int MAX_ID = 0xFFFFFF;
    static final int KEY_LENGTH = 32;

    public OneTimePreKey {
        if (id < 0 || id > MAX_ID) {
            throw new IllegalArgumentException("prekey id out of range: " + id);
        }
        if (publicKey == null || publicKey.length != KEY_LENGTH) {
            throw new IllegalArgumentException("prekey public key must be " + KEY_LENGTH + " bytes");
        }
        publicKey = publicKey.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OneTimePreKey that && id == that.id && Arrays.equals(publicKey, that.publicKey);
    }

    @Override
    public int hashCode() {
        return 31 * id + Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return "OneTimePreKey[" + id + "]";
    }
}
