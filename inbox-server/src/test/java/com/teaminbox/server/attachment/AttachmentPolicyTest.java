package com.teaminbox.server.attachment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AttachmentPolicyTest {

    @Test
    void programsAndScriptsAreRefusedByNameOrByType() {
        assertTrue(AttachmentPolicy.refusal("setup.EXE", "application/octet-stream").orElseThrow()
                .startsWith("Files of type .exe cannot be sent"));
        assertTrue(AttachmentPolicy.refusal("tool", "application/x-msdownload").orElseThrow()
                .contains("application/x-msdownload"));
        assertTrue(AttachmentPolicy.refusal("run.sh", "text/plain").isPresent());
    }

    @Test
    void documentsImagesAudioAndVideoPass() {
        for (String[] file : new String[][] {{"invoice.pdf", "application/pdf"}, {"cake.jpeg", "image/jpeg"},
                {"voice.ogg", "audio/ogg"}, {"clip.mp4", "video/mp4"}, {"notes", "text/plain; charset=utf-8"},
                {"archive.tar.gz", "application/gzip"}}) {
            assertTrue(AttachmentPolicy.refusal(file[0], file[1]).isEmpty(), file[0]);
        }
    }

    @Test
    void sizesReadAsAPersonWouldSayThem() {
        assertEquals("12 bytes", AttachmentPolicy.humanSize(12));
        assertEquals("1.5 KB", AttachmentPolicy.humanSize(1536));
        assertEquals("64.0 MB", AttachmentPolicy.humanSize(AttachmentPolicy.MAX_BYTES));
    }

    @Test
    void aFileWithoutANameIsNamedByItsKind() {
        assertEquals("image.jpeg", Attachment.displayName("image/jpeg", null));
        assertEquals("document.pdf", Attachment.displayName("application/pdf", " "));
        assertEquals("document", Attachment.displayName("application/octet-stream", null));
        assertEquals("invoice.pdf", Attachment.displayName("application/pdf", "invoice.pdf"));
    }
}
