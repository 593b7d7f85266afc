package com.teaminbox.bridge.linking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.modes.SICBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.junit.jupiter.api.Test;

/**
 * Pins the pairing-code key wrap to the wire: the primary derives the same key only with the
 * same PBKDF2 parameters, so the iteration count (2^17) must never drift. The expected bytes are
 * computed here from the published construction with Bouncy Castle's own primitives, not with
 * the code under test.
 */
class PairingCodeKeyWrapKnownAnswerTest {

    private static final int ITERATIONS = 131_072; // 2^17, as the protocol specifies
    private static final String CODE = "ABCD2345";

    @Test
    void theWrappedKeyIsSaltIvAndAesCtrUnderPbkdf2Sha256With2To17Iterations() throws Exception {
        byte[] salt = sequence(32, 0x10);
        byte[] iv = sequence(16, 0xA0);
        byte[] ephemeral = sequence(32, 0x40);

        byte[] wrapped = PairingCodeKeyWrap.wrap(PairingCode.parse("abcd-2345"), ephemeral, fixedRandom(salt, iv));

        byte[] expected = concat(salt, iv, aesCtr(pbkdf2(CODE, salt, ITERATIONS), iv, ephemeral));
        assertEquals(PairingCodeKeyWrap.WRAPPED_LENGTH, wrapped.length);
        assertArrayEquals(expected, wrapped);
        assertArrayEquals(ephemeral, PairingCodeKeyWrap.unwrap(PairingCode.parse(CODE), expected));
        // The check has teeth: half the iterations gives other bytes.
        byte[] weaker = concat(salt, iv, aesCtr(pbkdf2(CODE, salt, ITERATIONS / 2), iv, ephemeral));
        assertFalse(Arrays.equals(weaker, wrapped));
    }

    private static byte[] pbkdf2(String code, byte[] salt, int iterations) {
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA256Digest());
        generator.init(code.getBytes(StandardCharsets.US_ASCII), salt, iterations);
        return ((KeyParameter) generator.generateDerivedParameters(256)).getKey();
    }

    @SuppressWarnings("deprecation") // the plain constructors are the clearest statement of the construction
    private static byte[] aesCtr(byte[] key, byte[] iv, byte[] plaintext) {
        SICBlockCipher ctr = new SICBlockCipher(new AESEngine());
        ctr.init(true, new ParametersWithIV(new KeyParameter(key), iv));
        byte[] out = new byte[plaintext.length];
        ctr.processBytes(plaintext, 0, plaintext.length, out, 0);
        return out;
    }

    /** A random source that hands out exactly these bytes, in order: the salt, then the IV. */
    private static SecureRandom fixedRandom(byte[]... chunks) {
        return new SecureRandom() {
            private int next;

            @Override
            public void nextBytes(byte[] bytes) {
                byte[] chunk = chunks[next++];
                assertEquals(chunk.length, bytes.length, "the wrap asks for the salt, then the IV");
                System.arraycopy(chunk, 0, bytes, 0, bytes.length);
            }
        };
    }

    private static byte[] sequence(int length, int start) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (start + i);
        }
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        byte[] out = new byte[Arrays.stream(parts).mapToInt(p -> p.length).sum()];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
