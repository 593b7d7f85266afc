package com.teaminbox.server.device.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KeyMaterialCipherTest {

    private static final byte[] KEY = key(1);
    private static final byte[] SECRET = "session state of +44 7700 900123".getBytes(StandardCharsets.UTF_8);

    private final KeyMaterialCipher cipher = new KeyMaterialCipher(KEY);

    @Test
    void sealedValueOpensForTheSameDeviceKindAndName() {
        byte[] sealed = cipher.seal(42, KeyKind.SESSION, "+447700900123:0", SECRET);

        assertEquals(KeyMaterialCipher.FORMAT_VERSION, sealed[0]);
        assertEquals(1 + 12 + SECRET.length + 16, sealed.length);
        assertArrayEquals(SECRET, cipher.open(42, KeyKind.SESSION, "+447700900123:0", sealed));
    }

    @Test
    void sealingTwiceUsesFreshNoncesAndHidesThePlaintext() {
        byte[] first = cipher.seal(42, KeyKind.SESSION, "a:1", SECRET);
        byte[] second = cipher.seal(42, KeyKind.SESSION, "a:1", SECRET);

        assertFalse(Arrays.equals(first, second));
        assertFalse(contains(first, Arrays.copyOf(SECRET, 8)));
    }

    @Test
    void everyTamperedByteIsRefused() {
        byte[] sealed = cipher.seal(42, KeyKind.PREKEY, "7", SECRET);
        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            assertThrows(KeyMaterialUnreadable.class, () -> cipher.open(42, KeyKind.PREKEY, "7", tampered), "byte " + i);
        }
        assertThrows(KeyMaterialUnreadable.class,
                () -> cipher.open(42, KeyKind.PREKEY, "7", Arrays.copyOf(sealed, sealed.length - 1)));
        assertThrows(KeyMaterialUnreadable.class, () -> cipher.open(42, KeyKind.PREKEY, "7", new byte[5]));
    }

    @Test
    void anotherMasterKeyCannotOpen() {
        byte[] sealed = cipher.seal(42, KeyKind.IDENTITY_KEY_PAIR, "identity", SECRET);

        KeyMaterialUnreadable refused = assertThrows(KeyMaterialUnreadable.class,
                () -> new KeyMaterialCipher(key(2)).open(42, KeyKind.IDENTITY_KEY_PAIR, "identity", sealed));
        assertTrue(refused.getMessage().contains("identity-key-pair 'identity' of device 42"), refused.getMessage());
    }

    @Test
    void aRowCopiedToAnotherDeviceKindOrNameDoesNotOpen() {
        byte[] sealed = cipher.seal(42, KeyKind.SESSION, "alice:1", SECRET);

        assertThrows(KeyMaterialUnreadable.class, () -> cipher.open(43, KeyKind.SESSION, "alice:1", sealed));
        assertThrows(KeyMaterialUnreadable.class, () -> cipher.open(42, KeyKind.SESSION, "alice:2", sealed));
        assertThrows(KeyMaterialUnreadable.class, () -> cipher.open(42, KeyKind.TRUSTED_IDENTITY, "alice:1", sealed));
    }

    @Test
    void theKeyMustBe32Bytes() {
        assertThrows(IllegalArgumentException.class, () -> new KeyMaterialCipher(new byte[16]));
    }

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) seed);
        return key;
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
