package com.teaminbox.bridge.noise;

import com.teaminbox.bridge.crypto.AesGcm;
import com.teaminbox.bridge.crypto.AuthenticationFailedException;

/**
 * Noise CipherState for AESGCM: a 32-byte key and a 64-bit counter, the nonce being four zero
 * bytes followed by the counter in big-endian. Without a key it passes data through, as the
 * specification requires for the first handshake message.
 */
public final class CipherState {

    /** Noise reserves 2^64 - 1; as a signed long that is -1, so the last usable value is -2. */
    private static final long LAST_NONCE = -2L;

    private byte[] key;
    private long nonce;
    private boolean exhausted;

    CipherState() {
    }

    CipherState(byte[] key) {
        initializeKey(key);
    }

    void initializeKey(byte[] newKey) {
        if (newKey.length != 32) {
            throw new IllegalArgumentException("Noise cipher key must be 32 bytes");
        }
        key = newKey.clone();
        nonce = 0;
        exhausted = false;
    }

    boolean hasKey() {
        return key != null;
    }

    /** Lets tests start a counter near the end of its range. */
    void setNonce(long value) {
        nonce = value;
        exhausted = false;
    }

    public byte[] encryptWithAd(byte[] associatedData, byte[] plaintext) {
        if (key == null) {
            return plaintext.clone();
        }
        byte[] ciphertext = AesGcm.encrypt(key, nextNonce(), plaintext, associatedData);
        return ciphertext;
    }

    public byte[] decryptWithAd(byte[] associatedData, byte[] ciphertext) throws AuthenticationFailedException {
        if (key == null) {
            return ciphertext.clone();
        }
        if (exhausted) {
            throw new NonceExhaustedException();
        }
        // The counter only advances when decryption succeeds, as Noise specifies.
        byte[] plaintext = AesGcm.decrypt(key, nonceBytes(nonce), ciphertext, associatedData);
        advance();
        return plaintext;
    }

    private byte[] nextNonce() {
        if (exhausted) {
            throw new NonceExhaustedException();
        }
        byte[] current = nonceBytes(nonce);
        advance();
        return current;
    }

    private void advance() {
        if (nonce == LAST_NONCE) {
            exhausted = true;
        } else {
            nonce++;
        }
    }

    private static byte[] nonceBytes(long counter) {
        byte[] nonce = new byte[12];
        for (int i = 0; i < 8; i++) {
            nonce[4 + i] = (byte) (counter >>> (56 - 8 * i));
        }
        return nonce;
    }

    @Override
    public String toString() {
        return "CipherState[keyed=" + hasKey() + ", nonce=" + Long.toUnsignedString(nonce) + "]";
    }
}
