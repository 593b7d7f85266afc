package com.teaminbox.bridge.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class AesCbcTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] KEY = HEX.parseHex("603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4");
    private static final byte[] IV = HEX.parseHex("000102030405060708090a0b0c0d0e0f");
    private static final String PLAINTEXT = "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51"
            + "30c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710";
    private static final String CIPHERTEXT = "f58c4c04d6e5f1ba779eabfb5f7bfbd69cfc4e967edb808d679f777bc6702c7d"
            + "39f23369a9d9bacfa530e26304231461b2eb05e2c39be9fcda6c19078c6a9d1b";

    // NIST SP 800-38A Appendix F.2.5, CBC-AES256.Encrypt. The plaintext is four whole blocks, so
    // PKCS#7 appends one full block of 0x10: the first four ciphertext blocks are the vector's.
    @Test
    void sp800_38aF_2_5WithPkcs7PaddingBlock() throws Exception {
        byte[] sealed = AesCbc.encrypt(KEY, IV, HEX.parseHex(PLAINTEXT));
        assertEquals(80, sealed.length);
        assertEquals(CIPHERTEXT, HEX.formatHex(Arrays.copyOf(sealed, 64)));
        assertEquals(PLAINTEXT, HEX.formatHex(AesCbc.decrypt(KEY, IV, sealed)));
    }

    @Test
    void roundTripsEveryLengthAroundABlock() throws Exception {
        for (int length = 0; length <= 33; length++) {
            byte[] plaintext = new byte[length];
            Arrays.fill(plaintext, (byte) length);
            byte[] sealed = AesCbc.encrypt(KEY, IV, plaintext);
            assertEquals((length / 16 + 1) * 16, sealed.length);
            assertArrayEquals(plaintext, AesCbc.decrypt(KEY, IV, sealed));
        }
    }

    @Test
    void badPaddingAndPartialBlocksFail() {
        byte[] sealed = AesCbc.encrypt(KEY, IV, HEX.parseHex(PLAINTEXT));
        // Without the padding block the last plaintext block ends in 0x10 but is not sixteen 0x10 bytes.
        assertThrows(AuthenticationFailedException.class, () -> AesCbc.decrypt(KEY, IV, Arrays.copyOf(sealed, 64)));
        assertThrows(AuthenticationFailedException.class, () -> AesCbc.decrypt(KEY, IV, Arrays.copyOf(sealed, 70)));
        assertThrows(AuthenticationFailedException.class, () -> AesCbc.decrypt(KEY, IV, new byte[0]));
    }
}
