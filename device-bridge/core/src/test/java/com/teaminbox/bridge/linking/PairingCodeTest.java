package com.teaminbox.bridge.linking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.teaminbox.bridge.crypto.X25519;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PairingCodeTest {

    /** Hands out fixed bytes so that the 5-byte to 8-character mapping can be pinned. */
    private static final class FixedBytes extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final byte value;

        FixedBytes(int value) {
            this.value = (byte) value;
        }

        @Override
        public void nextBytes(byte[] bytes) {
            Arrays.fill(bytes, value);
        }
    }

    @Test
    void fiveBytesBecomeEightCharactersOfTheAlphabet() {
        assertEquals("1111-1111", PairingCode.generate(new FixedBytes(0x00)).display());
        assertEquals("ZZZZ-ZZZZ", PairingCode.generate(new FixedBytes(0xFF)).display());
        // 0x42 x5 = 01000 01001 00001 00100 00100 10000 10010 00010 -> 9 A 2 5 5 H K 3
        assertEquals("9A25-5HK3", PairingCode.generate(new FixedBytes(0x42)).display());
    }

    @Test
    void generatedCodesAreShownAsFourDashFour() {
        String shown = PairingCode.generate(new SecureRandom()).display();
        assertTrue(shown.matches("[1-9A-HJ-NP-TV-Z]{4}-[1-9A-HJ-NP-TV-Z]{4}"), shown);
    }

    @Test
    void parseAcceptsWithOrWithoutDashInAnyCase() throws Exception {
        PairingCode code = PairingCode.parse("9A25-5HK3");
        assertEquals(code, PairingCode.parse("9a255hk3"));
        assertEquals(code, PairingCode.parse(" 9a25-5Hk3 "));
        assertEquals("9A25-5HK3", PairingCode.parse("9a255hk3").display());
    }

    @Test
    void parseNamesTheBadCharacterAndItsPosition() {
        InvalidPairingCodeException oh = assertThrows(InvalidPairingCodeException.class, () -> PairingCode.parse("9A25-5HO3"));
        assertEquals(7, oh.position());
        assertTrue(oh.getMessage().contains("'O'"), oh.getMessage());
        assertEquals(LinkingException.Kind.INVALID_PAIRING_CODE, oh.kind());
        assertEquals(0, assertThrows(InvalidPairingCodeException.class, () -> PairingCode.parse("0A255HK3")).position());
        assertEquals(-1, assertThrows(InvalidPairingCodeException.class, () -> PairingCode.parse("9A25-5HK")).position());
        assertEquals(-1, assertThrows(InvalidPairingCodeException.class, () -> PairingCode.parse("9A2-55HK3")).position());
    }

    @Test
    void toStringHidesTheCode() throws Exception {
        assertFalse(PairingCode.parse("9A25-5HK3").toString().contains("9A25"));
    }

    @Test
    void wrappedKeyIsEightyBytesAndOnlyTheRightCodeUnwrapsIt() throws Exception {
        SecureRandom random = new SecureRandom();
        byte[] ephemeral = X25519.generateKeyPair(random).publicKey();
        PairingCode code = PairingCode.parse("9A25-5HK3");
        byte[] wrapped = PairingCodeKeyWrap.wrap(code, ephemeral, random);
        assertEquals(80, wrapped.length);
        assertArrayEquals(ephemeral, PairingCodeKeyWrap.unwrap(code, wrapped));
        // No error for a wrong code (no guessing oracle): just a different key.
        assertNotEquals(Arrays.toString(ephemeral),
                Arrays.toString(PairingCodeKeyWrap.unwrap(PairingCode.parse("9A25-5HK4"), wrapped)));
        assertEquals(LinkingException.Kind.PROTOCOL_VIOLATION, assertThrows(LinkingException.class,
                () -> PairingCodeKeyWrap.unwrap(code, Arrays.copyOf(wrapped, 79))).kind());
    }
}
