package com.teaminbox.bridge.crypto;

import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.SICBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * AES-CTR with a full 128-bit big-endian counter block (SP 800-38A). Encryption and decryption
 * are the same operation. Unauthenticated: used only where the protocol authenticates later
 * (wrapping the pairing-code ephemeral key, whose misuse shows up as a GCM failure).
 */
public final class AesCtr {

    private AesCtr() {
    }

    public static byte[] apply(byte[] key32, byte[] iv16, byte[] data) {
        if (key32 == null || key32.length != 32) {
            throw new IllegalArgumentException("AES-CTR key must be 32 bytes");
        }
        AesKeys.requireIv16(iv16);
        SICBlockCipher cipher = (SICBlockCipher) SICBlockCipher.newInstance(AESEngine.newInstance());
        cipher.init(true, new ParametersWithIV(new KeyParameter(key32), iv16));
        byte[] out = new byte[data.length];
        cipher.processBytes(data, 0, data.length, out, 0);
        return out;
    }
}
