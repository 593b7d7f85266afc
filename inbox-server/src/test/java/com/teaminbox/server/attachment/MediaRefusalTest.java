package com.teaminbox.server.attachment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.teaminbox.bridge.fanout.MediaReference;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which received references are kept but never fetched, and what the message row says of them. */
class MediaRefusalTest {

    private static final String GOOD = "/media/" + "0f".repeat(32);

    @Test
    void theNetworksOwnFormWithinTheLimitOpens() {
        Attachment photo = Attachment.of(reference(GOOD, "image/png", AttachmentPolicy.MAX_BYTES), null);
        assertEquals(Optional.empty(), photo.refusal());
        assertEquals("network-media:image/png:" + GOOD, photo.summary());
    }

    @Test
    void aForeignPathIsRefusedAndItsSummaryCarriesNoneOfIt() {
        String hostile = "http://10.0.0.1/" + "x".repeat(2_000);
        Attachment attachment = Attachment.of(reference(hostile, "image/png", 20), null);
        assertEquals(Optional.of(MediaRefusal.FOREIGN_PATH), attachment.refusal());
        assertEquals("network-media:refused:foreign-path", attachment.summary());
        assertTrue(attachment.toString().length() < 300, "a sender's long path is cut in logs");
    }

    @Test
    void aSizeAboveTheNetworksLimitIsRefused() {
        assertEquals(Optional.of(MediaRefusal.TOO_LARGE),
                Attachment.of(reference(GOOD, "image/png", AttachmentPolicy.MAX_BYTES + 1), null).refusal());
    }

    @Test
    void aTypeThatCannotBeStoredOrSentAsAHeaderIsRefused() {
        assertEquals(Optional.of(MediaRefusal.MALFORMED_TYPE),
                Attachment.of(reference(GOOD, "image/png\r\nSet-Cookie: x", 20), null).refusal());
        assertEquals(Optional.of(MediaRefusal.MALFORMED_TYPE),
                Attachment.of(reference(GOOD, "image/" + "p".repeat(300), 20), null).refusal());
    }

    @Test
    void aStoredRefusalStaysOneEvenWhenThePathLooksRight() {
        Attachment stored = new Attachment(reference(GOOD, "image/png", 20), null, MediaRefusal.TOO_LARGE);
        assertEquals(Optional.of(MediaRefusal.TOO_LARGE), stored.refusal());
        assertEquals(Optional.of(MediaRefusal.TOO_LARGE), MediaRefusal.ofCode("too-large"));
    }

    private static MediaReference reference(String path, String type, long size) {
        return new MediaReference(path, type, new byte[32], new byte[32], new byte[32], size);
    }
}
