package com.teaminbox.ui.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AttachmentsTest {

    @Test
    void sizesReadAsPeopleSayThem() {
        assertEquals("0 bytes", Attachments.humanSize(0));
        assertEquals("1 byte", Attachments.humanSize(1));
        assertEquals("12 bytes", Attachments.humanSize(12));
        assertEquals("1023 bytes", Attachments.humanSize(1023));
        assertEquals("1 KB", Attachments.humanSize(1024));
        assertEquals("1.5 KB", Attachments.humanSize(1536));
        assertEquals("512 KB", Attachments.humanSize(512 * 1024));
        assertEquals("1 MB", Attachments.humanSize(1024 * 1024 - 10), "rounds up into the next unit, not to 1024 KB");
        assertEquals("70.2 MB", Attachments.humanSize(73_610_035));
        assertEquals("64 MB", Attachments.humanSize(Attachments.MAX_BYTES));
        assertEquals("3 GB", Attachments.humanSize(3L * 1024 * 1024 * 1024));
    }

    @Test
    void theLimitIsSaidInOneSentence() {
        assertEquals("holiday.mov is 70.2 MB; attachments may be at most 64 MB.",
                Attachments.tooLarge("holiday.mov", 73_610_035));
    }

    @Test
    void unnamedFilesAreNamedAfterTheirType() {
        assertEquals("photo.png", Attachments.displayName("photo.png", "image/png"));
        assertEquals("image.jpeg", Attachments.displayName(null, "image/jpeg"));
        assertEquals("document.pdf", Attachments.displayName(" ", "application/pdf"));
        assertEquals("audio.ogg", Attachments.displayName(null, "audio/ogg; codecs=opus"));
        assertEquals("document.docx", Attachments.displayName(null,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        assertEquals("document", Attachments.displayName(null, "application/octet-stream"));
        assertEquals("document", Attachments.displayName(null, null));
    }

    @Test
    void aDownloadIsSavedWithoutTheSendersPathQuotesOrLineBreaks() {
        assertEquals("Angebot Müller.pdf", Attachments.savedName("Angebot Müller.pdf"));
        assertEquals("passwd", Attachments.savedName("../../etc/passwd"));
        assertEquals("evil.html", Attachments.savedName("C:\\temp\\evil.html"));
        assertEquals("a__Set-Cookie_ x_.svg", Attachments.savedName("a\r\nSet-Cookie: x\".svg"));
        assertEquals("htaccess", Attachments.savedName(".htaccess"));
        assertEquals("file", Attachments.savedName(" "));
    }

    @Test
    void aMissingTypeIsGuessedFromTheName() {
        assertEquals("image/png", Attachments.mimeTypeOf("image/png", "x.bin"));
        assertEquals("application/pdf", Attachments.mimeTypeOf("", "invoice.pdf"));
        assertEquals("application/octet-stream", Attachments.mimeTypeOf(null, "notes.unknownext"));
    }
}
