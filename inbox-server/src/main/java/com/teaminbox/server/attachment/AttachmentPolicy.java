package com.teaminbox.server.attachment;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What an agent may attach: up to 64 MiB (the web client's limit on the network), and no
 * programs or scripts — a customer's phone would offer to run them, and a team inbox is a
 * favourite way to slip malware to customers.
 */
public final class AttachmentPolicy {

    /** 64 MiB; a file of exactly this size is still accepted. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    private static final Set<String> REFUSED_EXTENSIONS = Set.of(
            "exe", "bat", "cmd", "com", "msi", "scr", "ps1", "vbs", "js", "jar", "apk", "sh", "dll", "pif", "cpl", "hta");
    private static final Set<String> REFUSED_TYPES = Set.of(
            "application/x-msdownload", "application/x-msdos-program", "application/x-executable",
            "application/vnd.microsoft.portable-executable", "application/x-sh", "application/x-bat",
            "application/java-archive", "application/vnd.android.package-archive", "application/javascript",
            "text/javascript", "application/x-msi");

    private AttachmentPolicy() {
    }

    /** Why this file may not be sent, as a sentence for the agent; empty when it may. */
    public static Optional<String> refusal(String fileName, String mimeType) {
        String type = mimeType == null ? "" : mimeType.toLowerCase(Locale.ROOT).split(";")[0].trim();
        String extension = extensionOf(fileName);
        if (REFUSED_EXTENSIONS.contains(extension) || REFUSED_TYPES.contains(type)) {
            String what = extension.isEmpty() ? "Files of type " + type : "Files of type ." + extension;
            return Optional.of(what + " cannot be sent: programs and scripts are not delivered to customers."
                    + " Send a document, an image, audio or video instead.");
        }
        return Optional.empty();
    }

    static String extensionOf(String fileName) {
        if (fileName == null) {
            return "";
        }
        int dot = fileName.lastIndexOf('.');
        return dot < 0 || dot == fileName.length() - 1 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT).trim();
    }

    /** "64 MB" style sizes for messages (binary units, as the limit is meant). */
    public static String humanSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
