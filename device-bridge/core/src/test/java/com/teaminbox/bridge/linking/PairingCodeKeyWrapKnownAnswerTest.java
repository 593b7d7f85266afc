package com.teaminbox.bridge.linking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.teaminbox.bridge.vectors.GoldenVectors;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Pins the pairing-code key wrap to the wire: the primary derives the same key only with the
 * same PBKDF2 parameters, so the iteration count (2^17) must never drift. The expected bytes were
 * computed once by Node's crypto module (pbkdf2Sync with SHA-256 and 2^17 iterations, then
 * aes-256-ctr; make-vectors.js), not by the construction under test.
 */
class PairingCodeKeyWrapKnownAnswerTest {
    private static final GoldenVectors V = GoldenVectors.load("/com/teaminbox/bridge/linking/pairing-code-vectors.properties");

    @Test
    void theWrappedKeyIsSaltIvAndAesCtrUnderPbkdf2Sha256With2To17Iterations() throws Exception {
        byte[] wrapped = PairingCodeKeyWrap.wrap(PairingCode.parse("abcd-2345"), V.bytes("ephemeral"),
                fixedRandom(V.bytes("salt"), V.bytes("iv")));

        assertEquals(PairingCodeKeyWrap.WRAPPED_LENGTH, wrapped.length);
        assertEquals(V.text("wrapped"), HexFormat.of().formatHex(wrapped));
        assertArrayEquals(V.bytes("ephemeral"), PairingCodeKeyWrap.unwrap(PairingCode.parse(V.text("code")), V.bytes("wrapped")));
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
}
