package com.teaminbox.bridge.crypto;

import org.bouncycastle.crypto.BufferedBlockCipher;
import org.bouncycastle.crypto.DataLengthException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.paddings.PKCS7Padding;
import org.bouncycastle.crypto.paddings.PaddedBufferedBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * AES-CBC with PKCS#7 padding, as media files use. CBC is malleable: callers must check a MAC
 * over IV and ciphertext before calling {@link #decrypt}, otherwise padding errors become an
 * oracle.
 */
public final class AesCbc {

    public static final int BLOCK_LENGTH = 16;

    private AesCbc() {
    }

    public static byte[] encrypt(byte[] key, byte[] iv16, byte[] plaintext) {
        try {
            return run(true, key, iv16, plaintext);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("CBC encryption cannot fail on padding", e);
        }
    }

    /** @throws AuthenticationFailedException on bad padding or a length that is not whole blocks */
    public static byte[] decrypt(byte[] key, byte[] iv16, byte[] ciphertext) throws AuthenticationFailedException {
        if (ciphertext.length == 0 || ciphertext.length % BLOCK_LENGTH != 0) {
            throw new AuthenticationFailedException("CBC ciphertext is not a whole number of blocks");
        }
        try {
            return run(false, key, iv16, ciphertext);
        } catch (InvalidCipherTextException | DataLengthException e) {
            throw new AuthenticationFailedException("CBC ciphertext does not decrypt", e);
        }
    }

    private static byte[] run(boolean encrypt, byte[] key, byte[] iv16, byte[] input) throws InvalidCipherTextException {
        AesKeys.requireAesKey(key);
        AesKeys.requireIv16(iv16);
        BufferedBlockCipher cipher = new PaddedBufferedBlockCipher(
                CBCBlockCipher.newInstance(AESEngine.newInstance()), new PKCS7Padding());
        cipher.init(encrypt, new ParametersWithIV(new KeyParameter(key), iv16));
        byte[] buffer = new byte[cipher.getOutputSize(input.length)];
        int written = cipher.processBytes(input, 0, input.length, buffer, 0);
        written += cipher.doFinal(buffer, written);
        if (written == buffer.length) {
            return buffer;
        }
        byte[] out = new byte[written];
        System.arraycopy(buffer, 0, out, 0, written);
        return out;
    }
}
