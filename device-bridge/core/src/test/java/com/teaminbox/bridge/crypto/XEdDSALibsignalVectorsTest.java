package com.teaminbox.bridge.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.teaminbox.bridge.vectors.GoldenVectors;
import java.security.SecureRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Signatures made by libsignal (curve25519-js, as the npm package signs; vectors from
 * make-vectors.js) for a key whose Edwards form has sign bit 0 and one with sign bit 1.
 * libsignal keeps that sign bit in the top bit of s; the XEdDSA specification's verifier would
 * refuse every signature of the second kind. Ours accepts both, and nothing else.
 */
class XEdDSALibsignalVectorsTest {
    private static final GoldenVectors V = GoldenVectors.load("/com/teaminbox/bridge/crypto/xeddsa-libsignal-vectors.properties");

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void libsignalSignaturesVerify(int signBit) {
        byte[] signature = V.bytes("sign" + signBit + ".signature");
        assertArrayEquals(V.bytes("sign" + signBit + ".public"), X25519.publicKeyOf(V.bytes("sign" + signBit + ".private")));
        assertEquals(signBit, (signature[63] & 0xFF) >>> 7, "libsignal stores the Edwards sign bit in the signature");
        assertTrue(XEdDSA.verify(V.bytes("sign" + signBit + ".public"), V.bytes("message"), signature));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void theSignBitIsBoundToTheKey(int signBit) {
        byte[] flipped = V.bytes("sign" + signBit + ".signature");
        flipped[63] ^= (byte) 0x80;
        assertFalse(XEdDSA.verify(V.bytes("sign" + signBit + ".public"), V.bytes("message"), flipped));
        byte[] otherMessage = V.bytes("message");
        otherMessage[0] ^= 1;
        assertFalse(XEdDSA.verify(V.bytes("sign" + signBit + ".public"), otherMessage,
                V.bytes("sign" + signBit + ".signature")));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void ourSignaturesCarrySignBitZeroWhateverTheKey(int signBit) {
        byte[] ours = XEdDSA.sign(V.bytes("sign" + signBit + ".private"), V.bytes("message"), new SecureRandom());
        assertEquals(0, ours[63] & 0x80, "the specification's signer negates the key instead");
        assertTrue(XEdDSA.verify(V.bytes("sign" + signBit + ".public"), V.bytes("message"), ours));
    }
}
