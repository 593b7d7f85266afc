package com.teaminbox.ui.inbox;

import java.util.Locale;
import java.util.Map;

/** How attachments read in the pane: sizes, the names of unnamed files, the size limit's sentence. */
final class Attachments {

    /** The server's limit: 64 MiB, the last byte included. */
    static final int MAX_BYTES = 64 * 1024 * 1024;

    private static final String[] UNITS = {"KB", "MB", "GB"};

    /** Extensions people know for types whose MIME subtype is not one. */
    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("application/msword", "doc"),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
            Map.entry("application/vnd.ms-excel", "xls"),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
            Map.entry("application/vnd.ms-powerpoint", "ppt"),
            Map.entry("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
            Map.entry("application/vnd.oasis.opendocument.text", "odt"),
            Map.entry("application/vnd.oasis.opendocument.spreadsheet", "ods"),
            Map.entry("application/x-zip-compressed", "zip"),
            Map.entry("text/plain", "txt"),
            Map.entry("audio/mpeg", "mp3"),
            Map.entry("video/quicktime", "mov"),
            Map.entry("image/svg+xml", "svg"));

    private Attachments() {
    }

    /**
     * "12 bytes", "512 KB", "70.2 MB": binary units (as the 64 MB limit is meant), at most one
     * decimal, none when it is zero.
     */
    static String humanSize(long bytes) {
        if (bytes < 1024) {
            return bytes == 1 ? "1 byte" : bytes + " bytes";
        }
        double value = bytes / 1024.0;
        int unit = 0;
        // Round first, so that 1023.97 KB reads "1 MB" rather than "1024 KB".
        while (unit < UNITS.length - 1 && Math.round(value * 10) / 10.0 >= 1024) {
            value /= 1024;
            unit++;
        }
        double rounded = Math.round(value * 10) / 10.0;
        String number = rounded == Math.rint(rounded) ? Long.toString((long) rounded) : String.format(Locale.ROOT, "%.1f", rounded);
        return number + " " + UNITS[unit];
    }

    /** The file's own name, else one from its type ("image.jpeg", "document.pdf"): customers' files often have none. */
    static String displayName(String fileName, String mimeType) {
        if (fileName != null && !fileName.isBlank()) {
            return fileName.strip();
        }
        String type = mimeType == null ? "" : mimeType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        int slash = type.indexOf('/');
        String kind = slash < 0 ? "" : type.substring(0, slash);
        String stem = switch (kind) {
            case "image", "video", "audio" -> kind;
            default -> "document";
        };
        String extension = EXTENSIONS.get(type);
        if (extension == null && slash >= 0) {
            String subtype = type.substring(slash + 1);
            if (subtype.startsWith("x-")) {
                subtype = subtype.substring(2);
            }
            // "pdf", "jpeg", "ogg" are extensions already; "octet-stream" or "vnd.foo+xml" are not.
            extension = subtype.matches("[a-z0-9]{1,5}") ? subtype : null;
        }
        return extension == null ? stem : stem + "." + extension;
    }

    /**
     * The name a download is saved under: Vaadin writes an ASCII name into {@code filename="…"} as it is, so a
     * sender's quotes, line breaks or path must not reach it. The last path segment, those characters as "_".
     */
    static String savedName(String name) {
        String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String safe = last.replaceAll("[\\p{Cntrl}\\p{Cf}\"';:<>|*?]", "_").strip().replaceFirst("^\\.+", "");
        return safe.isBlank() ? "file" : safe;
    }

    /** "holiday.mov is 70.2 MB; attachments may be at most 64 MB." */
    static String tooLarge(String fileName, long bytes) {
        return fileName + " is " + humanSize(bytes) + "; attachments may be at most " + humanSize(MAX_BYTES) + ".";
    }

    /** What the browser says a file is; the server decides on the kind, this only fills in a blank. */
    static String mimeTypeOf(String reported, String fileName) {
        if (reported != null && !reported.isBlank() && !"unknown".equals(reported)) {
            return reported;
        }
        String guessed = fileName == null ? null : java.net.URLConnection.guessContentTypeFromName(fileName);
        return guessed != null ? guessed : "application/octet-stream";
    }
}
