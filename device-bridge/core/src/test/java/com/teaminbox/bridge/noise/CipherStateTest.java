package com.teaminbox.bridge.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.teaminbox.bridge.crypto.AesGcm;
import com.teaminbox.bridge.crypto.AuthenticationFailedException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class CipherStateTest {

    private static final byte[] KEY = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    @Test
    void nonceIsFourZeroBytesThenBigEndianCounter() throws Exception {
        CipherState cipher = new CipherState(KEY);
        cipher.encryptWithAd(new byte[0], new byte[1]);
        cipher.encryptWithAd(new byte[0], new byte[1]);
        byte[] third = cipher.encryptWithAd(new byte[] {7}, "hi".getBytes());
        byte[] nonce2 = HexFormat.of().parseHex("000000000000000000000002");
        assertArrayEquals("hi".getBytes(), AesGcm.decrypt(KEY, nonce2, third, new byte[] {7}));

        CipherState high = new CipherState(KEY);
        high.setNonce(0x0102030405060708L);
        byte[] sealed = high.encryptWithAd(new byte[0], new byte[3]);
        assertArrayEquals(new byte[3], AesGcm.decrypt(KEY, HexFormat.of().parseHex("000000000102030405060708"), sealed, new byte[0]));
    }

    @Test
    void failedDecryptionDoesNotAdvanceTheCounter() throws Exception {
        CipherState sender = new CipherState(KEY);
        CipherState receiver = new CipherState(KEY);
        byte[] first = sender.encryptWithAd(new byte[0], "one".getBytes());
        byte[] forged = first.clone();
        forged[0] ^= 1;
        assertThrows(AuthenticationFailedException.class, () -> receiver.decryptWithAd(new byte[0], forged));
        assertArrayEquals("one".getBytes(), receiver.decryptWithAd(new byte[0], first));
        // Replaying the same frame now fails: the receiver has moved on to nonce 1.
        assertThrows(AuthenticationFailedException.class, () -> receiver.decryptWithAd(new byte[0], first));
    }

    @Test
    void refusesToReuseTheReservedLastNonce() {
        CipherState cipher = new CipherState(KEY);
        cipher.setNonce(-3L); // 2^64 - 3
        cipher.encryptWithAd(new byte[0], new byte[0]);
        cipher.encryptWithAd(new byte[0], new byte[0]); // 2^64 - 2, the last usable nonce
        assertThrows(NonceExhaustedException.class, () -> cipher.encryptWithAd(new byte[0], new byte[0]));
        assertThrows(NonceExhaustedException.class, () -> cipher.encryptWithAd(new byte[0], new byte[0]));
    }

    @Test
    void withoutAKeyDataPassesThrough() throws Exception {
        CipherState cipher = new CipherState();
        assertArrayEquals(new byte[] {1, 2}, cipher.encryptWithAd(new byte[0], new byte[] {1, 2}));
        assertArrayEquals(new byte[] {3}, cipher.decryptWithAd(new byte[0], new byte[] {3}));
    }
}
