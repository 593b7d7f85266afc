package com.teaminbox.bridge.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class X25519Test {

    private static final HexFormat HEX = HexFormat.of();

    // RFC 7748 §5.2, first and second single-step vectors (the second u has its top bit set,
    // which implementations must ignore).
    @Test
    void rfc7748Section5_2SingleSteps() throws Exception {
        assertEquals("c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552", HEX.formatHex(X25519.agree(
                HEX.parseHex("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4"),
                HEX.parseHex("e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c"))));
        assertEquals("95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957", HEX.formatHex(X25519.agree(
                HEX.parseHex("4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d"),
                HEX.parseHex("e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493"))));
    }

    // RFC 7748 §5.2, iterated: k = u = 9, then k' = X25519(k, u), u' = k.
    @Test
    void rfc7748Section5_2Iterations() throws Exception {
        byte[] k = new byte[32];
        k[0] = 9;
        byte[] u = k.clone();
        for (int i = 1; i <= 1000; i++) {
            byte[] next = X25519.agree(k, u);
            u = k;
            k = next;
            if (i == 1) {
                assertEquals("422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079", HEX.formatHex(k));
            }
        }
        assertEquals("684cf59ba83309552800ef566f2f4d3c1c3887c49360e3875f2eb94d99532c51", HEX.formatHex(k));
    }

    // RFC 7748 §6.1 (Alice and Bob).
    @Test
    void rfc7748Section6_1DiffieHellman() throws Exception {
        byte[] alicePrivate = HEX.parseHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
        byte[] bobPrivate = HEX.parseHex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
        byte[] alicePublic = X25519.publicKeyOf(alicePrivate);
        byte[] bobPublic = X25519.publicKeyOf(bobPrivate);
        assertEquals("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a", HEX.formatHex(alicePublic));
        assertEquals("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f", HEX.formatHex(bobPublic));
        String shared = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";
        assertEquals(shared, HEX.formatHex(X25519.agree(alicePrivate, bobPublic)));
        assertEquals(shared, HEX.formatHex(X25519.agree(bobPrivate, alicePublic)));
    }

    @Test
    void lowOrderPublicKeyIsRejected() {
        byte[] privateKey = X25519.generateKeyPair(new SecureRandom()).privateKey();
        assertThrows(InvalidPublicKeyException.class, () -> X25519.agree(privateKey, new byte[32]));
        byte[] one = new byte[32];
        one[0] = 1;
        assertThrows(InvalidPublicKeyException.class, () -> X25519.agree(privateKey, one));
    }

    @Test
    void generatedPairsAgree() throws Exception {
        SecureRandom random = new SecureRandom();
        X25519KeyPair alice = X25519.generateKeyPair(random);
        X25519KeyPair bob = X25519.generateKeyPair(random);
        assertArrayEquals(alice.publicKey(), X25519.publicKeyOf(alice.privateKey()));
        assertArrayEquals(X25519.agree(alice.privateKey(), bob.publicKey()), X25519.agree(bob.privateKey(), alice.publicKey()));
    }

    @Test
    void keyPairHandsOutCopiesAndHidesPrivateKey() {
        X25519KeyPair pair = X25519.keyPairOf(HEX.parseHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"));
        byte[] first = pair.privateKey();
        first[0] ^= 1;
        assertFalse(first[0] == pair.privateKey()[0]);
        assertNotSame(pair.publicKey(), pair.publicKey());
        String text = pair.toString();
        assertFalse(text.contains("77076d0a"));
        assertTrue(text.contains("8520f0098930a754"));
        assertEquals(pair, X25519.keyPairOf(pair.privateKey()));
    }

    @Test
    void wrongKeyLengthIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> X25519.publicKeyOf(new byte[31]));
    }
}
