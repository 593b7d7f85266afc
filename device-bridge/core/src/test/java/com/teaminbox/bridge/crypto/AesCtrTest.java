package com.teaminbox.bridge.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class AesCtrTest {

    private static final HexFormat HEX = HexFormat.of();

    // NIST SP 800-38A Appendix F.5.5, CTR-AES256.Encrypt (and F.5.6, its inverse).
    @Test
    void sp800_38aF_5_5() {
        byte[] key = HEX.parseHex("603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4");
        byte[] counter = HEX.parseHex("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff");
        String plaintext = "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51"
                + "30c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710";
        String ciphertext = "601ec313775789a5b7a7f504bbf3d228f443e3ca4d62b59aca84e990cacaf5c5"
                + "2b0930daa23de94ce87017ba2d84988ddfc9c58db67aada613c2dd08457941a6";
        assertEquals(ciphertext, HEX.formatHex(AesCtr.apply(key, counter, HEX.parseHex(plaintext))));
        assertEquals(plaintext, HEX.formatHex(AesCtr.apply(key, counter, HEX.parseHex(ciphertext))));
    }

    @Test
    void partialBlockIsAPrefixOfTheFullKeystream() {
        byte[] key = new byte[32];
        byte[] iv = new byte[16];
        byte[] full = AesCtr.apply(key, iv, new byte[40]);
        byte[] part = AesCtr.apply(key, iv, new byte[21]);
        assertEquals(HEX.formatHex(full).substring(0, 42), HEX.formatHex(part));
    }
}
