package com.teaminbox.bridge.crypto;

/** The key sizes AES accepts; one check shared by the three modes. */
final class AesKeys {

    private AesKeys() {
    }

    static void requireAesKey(byte[] key) {
        if (key == null || (key.length != 16 && key.length != 24 && key.length != 32)) {
            throw new IllegalArgumentException("AES key must be 16, 24 or 32 bytes");
        }
    }

    static void requireIv16(byte[] iv) {
        if (iv == null || iv.length != 16) {
            throw new IllegalArgumentException("AES IV must be 16 bytes");
        }
    }
}
