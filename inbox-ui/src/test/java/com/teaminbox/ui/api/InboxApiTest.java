package com.teaminbox.ui.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class InboxApiTest {

    @Test
    void theMediaFileNameComesFromContentDisposition() {
        assertEquals("photo.png", InboxApi.fileNameIn("inline; filename=\"photo.png\""));
        assertEquals("invoice 2025.pdf", InboxApi.fileNameIn("attachment; filename=\"invoice 2025.pdf\""));
        assertEquals("a\"b.txt", InboxApi.fileNameIn("attachment; filename=\"a\\\"b.txt\""));
        assertEquals("report.csv", InboxApi.fileNameIn("attachment; filename=report.csv"));
        assertEquals("Grüße+1.pdf", InboxApi.fileNameIn("attachment; filename=\"Gruesse.pdf\"; filename*=UTF-8''Gr%C3%BC%C3%9Fe+1.pdf"),
                "the RFC 6266 form wins");
        assertNull(InboxApi.fileNameIn("attachment"));
        assertNull(InboxApi.fileNameIn(null));
    }
}
