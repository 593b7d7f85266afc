package com.teaminbox.bridge.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AesGcmTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String K15 = "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308";
    private static final String P15 = "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
            + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255";
    private static final String C15 = "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
            + "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad";

    // McGrew & Viega, "The Galois/Counter Mode of Operation (GCM)", Appendix B, test cases 13–16
    // (256-bit keys, 96-bit IVs): key, IV, plaintext, AAD, ciphertext, tag.
    @ParameterizedTest(name = "GCM test case {0}")
    @CsvSource({
        "13, 0000000000000000000000000000000000000000000000000000000000000000, 000000000000000000000000, '', '', '', 530f8afbc74536b9a963b4f1c4cb738b",
        "14, 0000000000000000000000000000000000000000000000000000000000000000, 000000000000000000000000, 00000000000000000000000000000000, '', cea7403d4d606b6e074ec5d3baf39d18, d0d1c8a799996bf0265b98b5d48ab919",
        "15, " + K15 + ", cafebabefacedbaddecaf888, " + P15 + ", '', " + C15 + ", b094dac5d93471bdec1a502270e3cc6c",
        "16, " + K15 + ", cafebabefacedbaddecaf888, d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39, "
                + "feedfacedeadbeeffeedfacedeadbeefabaddad2, "
                + "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662, 76fc6ece0f4e1768cddf8853bb2d551b"
    })
    void mcGrewViegaTestCases(String number, String key, String iv, String plaintext, String aad, String ciphertext, String tag)
            throws Exception {
        byte[] k = HEX.parseHex(key);
        byte[] n = HEX.parseHex(iv);
        byte[] p = HEX.parseHex(orEmpty(plaintext));
        byte[] a = HEX.parseHex(orEmpty(aad));
        byte[] sealed = AesGcm.encrypt(k, n, p, a);
        assertEquals(orEmpty(ciphertext) + tag, HEX.formatHex(sealed));
        assertArrayEquals(p, AesGcm.decrypt(k, n, sealed, a));
    }

    @Test
    void tamperingWrongAadAndWrongKeyFailAuthentication() {
        byte[] key = HEX.parseHex(K15);
        byte[] nonce = HEX.parseHex("cafebabefacedbaddecaf888");
        byte[] aad = HEX.parseHex("feedface");
        byte[] sealed = AesGcm.encrypt(key, nonce, HEX.parseHex(P15), aad);

        byte[] flipped = sealed.clone();
        flipped[3] ^= 1;
        assertThrows(AuthenticationFailedException.class, () -> AesGcm.decrypt(key, nonce, flipped, aad));
        assertThrows(AuthenticationFailedException.class, () -> AesGcm.decrypt(key, nonce, sealed, new byte[0]));
        byte[] otherKey = key.clone();
        otherKey[0] ^= 1;
        assertThrows(AuthenticationFailedException.class, () -> AesGcm.decrypt(otherKey, nonce, sealed, aad));
        assertThrows(AuthenticationFailedException.class, () -> AesGcm.decrypt(key, nonce, new byte[15], aad));
    }

    private static String orEmpty(String hex) {
        return hex == null ? "" : hex;
    }
}
