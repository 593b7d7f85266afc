package com.teaminbox.server.attachment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MediaDispositionTest {

    @Test
    void onlyRasterImagesOpenInline() {
        for (String type : new String[] {"image/png", "image/jpeg", "IMAGE/GIF", "image/webp; q=1"}) {
            MediaDisposition shown = MediaDisposition.of(type, "a.img");
            assertTrue(shown.inline(), type);
            assertTrue(shown.header().startsWith("inline; "), type);
        }
        for (String type : new String[] {"image/svg+xml", "text/html", "application/xhtml+xml", "image/bmp", "application/pdf", ""}) {
            MediaDisposition shown = MediaDisposition.of(type, "a");
            assertFalse(shown.inline(), type);
            assertTrue(shown.header().startsWith("attachment; "), type);
        }
    }

    @Test
    void scriptableTypesAreSentAsOctetStreamHarmlessOnesKeepTheirType() {
        assertEquals("application/octet-stream", MediaDisposition.of("image/svg+xml", "x.svg").contentType());
        assertEquals("application/octet-stream", MediaDisposition.of("text/html; charset=utf-8", "x.html").contentType());
        assertEquals("application/octet-stream", MediaDisposition.of("text/xml", "x.xml").contentType());
        assertEquals("application/octet-stream", MediaDisposition.of(null, "x").contentType());
        assertEquals("application/pdf", MediaDisposition.of("Application/PDF", "x.pdf").contentType());
        assertEquals("image/png", MediaDisposition.of("image/png", "x.png").contentType());
    }

    @Test
    void everyResponseForbidsSniffingAndRunsNothing() {
        var headers = MediaDisposition.of("image/png", "cake.png").headers();
        assertEquals("nosniff", headers.get("X-Content-Type-Options"));
        assertEquals("default-src 'none'; sandbox", headers.get("Content-Security-Policy"));
        assertEquals("inline; filename*=UTF-8''cake.png", headers.get("Content-Disposition"));
    }

    @Test
    void theNameIsPercentEncodedUtf8WithoutPathsQuotesOrLineBreaks() {
        assertEquals("attachment; filename*=UTF-8''Angebot%20M%C3%BCller.pdf",
                MediaDisposition.of("application/pdf", "Angebot Müller.pdf").header());
        assertEquals("passwd", MediaDisposition.safeFileName("../../etc/passwd"));
        assertEquals("evil.html", MediaDisposition.safeFileName("C:\\temp\\evil.html"));
        assertEquals("a__Set-Cookie_ x_.svg", MediaDisposition.safeFileName("a\r\nSet-Cookie: x\".svg"));
        assertEquals("file", MediaDisposition.safeFileName("  "));
        assertEquals("file", MediaDisposition.safeFileName(null));
        assertEquals("htaccess", MediaDisposition.safeFileName(".htaccess"));
        assertEquals(200, MediaDisposition.safeFileName("x".repeat(500)).length());
        String header = MediaDisposition.of("text/html", "a\r\nb\"c.html").header();
        assertFalse(header.contains("\r") || header.contains("\n") || header.contains("\""), header);
    }
}
