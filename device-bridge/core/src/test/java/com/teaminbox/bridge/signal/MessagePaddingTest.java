package com.teaminbox.bridge.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessagePaddingTest {
    private final SecureRandom random = new SecureRandom();

    @Test
    void padsWithOneToFifteenBytesEqualToTheLength() throws Exception {
        byte[] plaintext = {1, 2, 3};
        Set<Integer> lengths = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            byte[] padded = MessagePadding.pad(plaintext, random);
            int padding = padded.length - plaintext.length;
            assertTrue(padding >= 1 && padding <= 15, "padding " + padding);
            for (int j = plaintext.length; j < padded.length; j++) {
                assertEquals(padding, padded[j]);
            }
            assertArrayEquals(plaintext, MessagePadding.strip(padded));
            lengths.add(padding);
        }
        assertEquals(15, lengths.size(), "every padding length occurs");
    }

    @Test
    void invalidPaddingIsRejected() {
        assertThrows(InvalidMessageException.class, () -> MessagePadding.strip(new byte[0]));
        assertThrows(InvalidMessageException.class, () -> MessagePadding.strip(new byte[] {7, 0}));
        assertThrows(InvalidMessageException.class, () -> MessagePadding.strip(new byte[] {1, 16}));
        assertThrows(InvalidMessageException.class, () -> MessagePadding.strip(new byte[] {9, 2, 3, 3}));
        assertThrows(InvalidMessageException.class, () -> MessagePadding.strip(new byte[] {3, 3}));
    }
}
