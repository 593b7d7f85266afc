package com.teaminbox.bridge.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.teaminbox.bridge.signal.InvalidMessageException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ContentFormatTest {
    private final MediaReference media = new MediaReference("/m/abc", "image/jpeg", filled(32, 7), filled(32, 9), filled(32, 11), 123_456);
    private final MessageContent content = new MessageContent("m-42", "customer", 1_700_000_000_123L,
            "Grüße 👋", Optional.of(media));

    @Test
    void contentAndSentByMeRoundTrip() throws Exception {
        assertEquals(content, ContentFormat.decode(ContentFormat.encode(content)));
        SentByMe copy = new SentByMe("customer", content);
        assertEquals(copy, ContentFormat.decode(ContentFormat.encode(copy)));
        MessageContent plain = MessageContent.text("m-1", "customer", 5, "");
        assertEquals(plain, ContentFormat.decode(ContentFormat.encode(plain)));
    }

    @Test
    void historyChunksRoundTripAndRejectProgressBeyond100() throws Exception {
        HistoryChunk chunk = new HistoryChunk(50, java.util.List.of(new HistoryEntry(false, content),
                new HistoryEntry(true, MessageContent.text("m-43", "customer", 6, "Yes"))));
        assertEquals(chunk, ContentFormat.decode(ContentFormat.encode(chunk)));
        HistoryChunk empty = new HistoryChunk(100, java.util.List.of());
        assertEquals(empty, ContentFormat.decode(ContentFormat.encode(empty)));
        byte[] tooFar = ContentFormat.encode(chunk);
        tooFar[2] = 101;
        assertThrows(InvalidMessageException.class, () -> ContentFormat.decode(tooFar));
        byte[] cut = ContentFormat.encode(chunk);
        assertThrows(InvalidMessageException.class, () -> ContentFormat.decode(Arrays.copyOf(cut, cut.length - 1)));
    }

    @Test
    void truncationTrailingBytesAndUnknownVersionsAreRejected() {
        byte[] valid = ContentFormat.encode(new SentByMe("customer", content));
        for (int length = 0; length < valid.length; length++) {
            byte[] truncated = Arrays.copyOf(valid, length);
            assertThrows(InvalidMessageException.class, () -> ContentFormat.decode(truncated), "length " + length);
        }
        assertThrows(InvalidMessageException.class, () -> ContentFormat.decode(Arrays.copyOf(valid, valid.length + 1)));
        byte[] version = valid.clone();
        version[0] = 2;
        assertThrows(InvalidMessageException.class, () -> ContentFormat.decode(version));
        byte[] kind = valid.clone();
        kind[1] = 9;
        assertThrows(InvalidMessageException.class, () -> ContentFormat.decode(kind));
    }

    @Test
    void fuzzedContentFailsOnlyWithTheTypedError() {
        byte[] valid = ContentFormat.encode(content);
        Random random = new Random(99);
        int rejected = 0;
        for (int i = 0; i < 5000; i++) {
            byte[] bytes = valid.clone();
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            try {
                ContentFormat.decode(bytes);
            } catch (InvalidMessageException expected) {
                rejected++; // the only failure allowed
            }
        }
        assertTrue(rejected > 500, "structural corruptions are caught: " + rejected);
    }

    @Test
    void textTheReceiverWouldRejectIsRefusedWhenSending() {
        MessageContent tooLong = MessageContent.text("m-1", "customer", 1, "x".repeat(64 * 1024 + 1));
        assertThrows(IllegalArgumentException.class, () -> ContentFormat.encode(tooLong));
    }

    @Test
    void mediaKeyStaysOutOfToString() {
        String shown = content.media().orElseThrow().toString();
        assertFalse(shown.contains(Arrays.toString(filled(32, 7))));
        assertFalse(shown.contains("0707070707"));
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
