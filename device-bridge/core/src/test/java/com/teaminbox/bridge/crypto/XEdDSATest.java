package com.teaminbox.bridge.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class XEdDSATest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] MESSAGE = "signed prekey 42".getBytes(StandardCharsets.UTF_8);

    @Test
    void signatureRoundTrips() {
        X25519KeyPair identity = X25519.generateKeyPair(RANDOM);
        byte[] signature = XEdDSA.sign(identity.privateKey(), MESSAGE, RANDOM);
        assertEquals(64, signature.length);
        assertTrue(XEdDSA.verify(identity.publicKey(), MESSAGE, signature));
    }

    @Test
    void wrongKeyAlteredMessageAndAlteredSignatureAreRejected() {
        X25519KeyPair identity = X25519.generateKeyPair(RANDOM);
        X25519KeyPair stranger = X25519.generateKeyPair(RANDOM);
        byte[] signature = XEdDSA.sign(identity.privateKey(), MESSAGE, RANDOM);

        assertFalse(XEdDSA.verify(stranger.publicKey(), MESSAGE, signature));

        byte[] otherMessage = MESSAGE.clone();
        otherMessage[otherMessage.length - 1] ^= 1;
        assertFalse(XEdDSA.verify(identity.publicKey(), otherMessage, signature));

        for (int bit = 0; bit < 512; bit += 7) {
            byte[] altered = signature.clone();
            altered[bit / 8] ^= (byte) (1 << (bit % 8));
            assertFalse(XEdDSA.verify(identity.publicKey(), MESSAGE, altered), "bit " + bit);
        }
        assertFalse(XEdDSA.verify(identity.publicKey(), MESSAGE, new byte[63]));
    }

    @Test
    void signatureIsPlainEd25519UnderTheConvertedKey() {
        X25519KeyPair identity = X25519.generateKeyPair(RANDOM);
        byte[] signature = XEdDSA.sign(identity.privateKey(), MESSAGE, RANDOM);
        byte[] edwards = XEdDSA.edwardsPublicKey(identity.publicKey());
        assertEquals(0, edwards[31] & 0x80, "converted key has sign bit 0");
        assertTrue(Ed25519.verify(edwards, MESSAGE, signature));
        edwards[31] |= (byte) 0x80;
        assertFalse(Ed25519.verify(edwards, MESSAGE, signature), "the other sign must not verify");
    }

    // calculate_key_pair negates the scalar for about half of all keys; run enough keys that
    // both branches are exercised many times, and check that both actually occurred.
    @Test
    void keysOfBothEdwardsSignsSign() {
        int[] seen = new int[2];
        for (int i = 0; i < 64; i++) {
            X25519KeyPair identity = X25519.generateKeyPair(RANDOM);
            seen[edwardsSignOf(identity.privateKey())]++;
            byte[] message = ("message " + i).getBytes(StandardCharsets.UTF_8);
            byte[] signature = XEdDSA.sign(identity.privateKey(), message, RANDOM);
            assertTrue(XEdDSA.verify(identity.publicKey(), message, signature), "key " + i);
            assertTrue(Ed25519.verify(XEdDSA.edwardsPublicKey(identity.publicKey()), message, signature));
        }
        assertTrue(seen[0] > 0 && seen[1] > 0, "both sign bits seen: " + seen[0] + "/" + seen[1]);
    }

    @Test
    void nonceDependsOnRandomnessSoSignaturesDiffer() {
        X25519KeyPair identity = X25519.generateKeyPair(RANDOM);
        byte[] first = XEdDSA.sign(identity.privateKey(), MESSAGE, RANDOM);
        byte[] second = XEdDSA.sign(identity.privateKey(), MESSAGE, RANDOM);
        assertFalse(java.util.Arrays.equals(first, second));
        assertTrue(XEdDSA.verify(identity.publicKey(), MESSAGE, second));
    }

    // The Montgomery → Edwards map must agree with Bouncy Castle's own Ed25519 key derivation
    // for the same scalar: for Ed25519 seed s, X25519 of the clamped SHA-512(s) prefix
    // is the Montgomery form of the Ed25519 public key (up to the sign bit).
    @Test
    void conversionMatchesEd25519KeyDerivation() throws Exception {
        byte[] seed = HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        byte[] h = java.security.MessageDigest.getInstance("SHA-512").digest(seed);
        byte[] scalar = java.util.Arrays.copyOf(h, 32);
        byte[] montgomery = X25519.publicKeyOf(scalar);
        byte[] ed = Ed25519.publicKeyOf(seed);
        ed[31] &= 0x7F;
        assertEquals(HexFormat.of().formatHex(ed), HexFormat.of().formatHex(XEdDSA.edwardsPublicKey(montgomery)));
    }

    @Test
    void nonCanonicalInputsAreRejected() {
        X25519KeyPair identity = X25519.generateKeyPair(RANDOM);
        byte[] signature = XEdDSA.sign(identity.privateKey(), MESSAGE, RANDOM);
        byte[] bigS = signature.clone();
        bigS[63] |= (byte) 0x20;
        assertFalse(XEdDSA.verify(identity.publicKey(), MESSAGE, bigS));
        byte[] uAboveP = new byte[32];
        java.util.Arrays.fill(uAboveP, (byte) 0xFF);
        assertFalse(XEdDSA.verify(uAboveP, MESSAGE, signature));
        // u = p - 1 has no (u - 1)/(u + 1); the spec's inv(0) = 0 maps it to y = 0.
        byte[] minusOne = HexFormat.of().parseHex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
        assertEquals(HexFormat.of().formatHex(new byte[32]), HexFormat.of().formatHex(XEdDSA.edwardsPublicKey(minusOne)));
    }

    private static int edwardsSignOf(byte[] x25519PrivateKey) {
        byte[] clamped = x25519PrivateKey.clone();
        clamped[0] &= (byte) 248;
        clamped[31] &= 127;
        clamped[31] |= 64;
        return (EdwardsPoint.multiplyBase(clamped)[31] >>> 7) & 1;
    }
}
