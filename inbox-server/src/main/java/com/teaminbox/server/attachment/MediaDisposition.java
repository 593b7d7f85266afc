package com.teaminbox.server.attachment;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How an attachment's bytes are handed to a browser. Only raster images (PNG, JPEG, GIF, WebP)
 * open inline; everything else — SVG and HTML above all, which run scripts in our origin — is a
 * download under a safe name. Every response forbids sniffing and, through a sandboxing CSP,
 * scripts, styles and requests even when a browser does render it.
 *
 * @param contentType the type sent: the stored one when it is harmless, else application/octet-stream
 * @param inline      whether the file may be shown in the page (an {@code <img>})
 * @param fileName    the name offered for saving
 */
public record MediaDisposition(String contentType, boolean inline, String fileName) {

    /** Nothing loads, nothing runs, no form, no same origin: a file is data, never a page. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; sandbox";

    /** The types shown inline: a browser decodes them as pixels and nothing else. */
    public static final Set<String> INLINE_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

    /** Types a browser never renders as a page or runs; anything not here is sent as application/octet-stream. */
    private static final Set<String> SAFE_TYPES = Set.of(
            "application/pdf", "application/zip", "application/msword",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/vnd.ms-excel",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.ms-powerpoint",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
            "text/plain", "text/csv", "audio/mpeg", "audio/ogg", "audio/aac", "audio/mp4", "audio/amr",
            "video/mp4", "video/3gpp", "video/quicktime", "video/webm");

    private static final int NAME_LIMIT = 200;

    /** The decision for a stored type (parameters and case ignored) and the sender's or made-up name. */
    public static MediaDisposition of(String storedType, String name) {
        String type = storedType == null ? "" : storedType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        boolean inline = INLINE_TYPES.contains(type);
        String sent = inline || SAFE_TYPES.contains(type) ? type : "application/octet-stream";
        return new MediaDisposition(sent, inline, safeFileName(name));
    }

    /** The Content-Disposition value: RFC 6266 with the name only in its percent-encoded UTF-8 form. */
    public String header() {
        return (inline ? "inline" : "attachment") + "; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The headers every media response carries besides Content-Type. */
    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Disposition", header());
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        return headers;
    }

    /**
     * The last path segment of a sender's name with control characters, quotes and separators
     * replaced, no leading dots, at most 200 characters; "file" when nothing is left.
     */
    public static String safeFileName(String name) {
        String base = name == null ? "" : name;
        base = base.substring(Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\')) + 1);
        StringBuilder safe = new StringBuilder();
        base.codePoints().forEach(c -> safe.appendCodePoint(
                Character.isISOControl(c) || c == '"' || c == '\'' || c == ';' || c == ':' || c == '<' || c == '>'
                        || c == '|' || c == '*' || c == '?' || Character.getType(c) == Character.FORMAT ? '_' : c));
        String cleaned = safe.toString().strip().replaceFirst("^\\.+", "");
        if (cleaned.codePointCount(0, cleaned.length()) > NAME_LIMIT) {
            cleaned = cleaned.substring(0, cleaned.offsetByCodePoints(0, NAME_LIMIT));
        }
        return cleaned.isBlank() ? "file" : cleaned;
    }
}
