package com.teaminbox.bridge.crypto;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/** AES-GCM with a 96-bit nonce and a 128-bit tag appended to the ciphertext. */
public final class AesGcm {

    public static final int NONCE_LENGTH = 12;
    public static final int TAG_LENGTH = 16;

    private AesGcm() {
    }

    /** @return ciphertext ‖ tag */
    public static byte[] encrypt(byte[] key, byte[] nonce12, byte[] plaintext, byte[] aad) {
        GCMBlockCipher cipher = cipher(true, key, nonce12, aad);
        byte[] out = new byte[cipher.getOutputSize(plaintext.length)];
        int written = cipher.processBytes(plaintext, 0, plaintext.length, out, 0);
        try {
            cipher.doFinal(out, written);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("GCM encryption cannot fail authentication", e);
        }
        return out;
    }

    /** @throws AuthenticationFailedException when the tag does not match (wrong key, nonce, AAD or tampering) */
    public static byte[] decrypt(byte[] key, byte[] nonce12, byte[] ciphertextAndTag, byte[] aad)
            throws AuthenticationFailedException {
        if (ciphertextAndTag.length < TAG_LENGTH) {
            throw new AuthenticationFailedException("GCM ciphertext shorter than its tag");
        }
        GCMBlockCipher cipher = cipher(false, key, nonce12, aad);
        byte[] out = new byte[cipher.getOutputSize(ciphertextAndTag.length)];
        int written = cipher.processBytes(ciphertextAndTag, 0, ciphertextAndTag.length, out, 0);
        try {
            cipher.doFinal(out, written);
        } catch (InvalidCipherTextException e) {
            throw new AuthenticationFailedException("GCM authentication tag mismatch", e);
        }
        return out;
    }

    private static GCMBlockCipher cipher(boolean encrypt, byte[] key, byte[] nonce12, byte[] aad) {
        AesKeys.requireAesKey(key);
        if (nonce12 == null || nonce12.length != NONCE_LENGTH) {
            throw new IllegalArgumentException("GCM nonce must be " + NONCE_LENGTH + " bytes");
        }
        GCMBlockCipher cipher = (GCMBlockCipher) GCMBlockCipher.newInstance(AESEngine.newInstance());
        cipher.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_LENGTH * 8, nonce12, aad));
        return cipher;
    }
}
