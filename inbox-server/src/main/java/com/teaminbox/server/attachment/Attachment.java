package com.teaminbox.server.attachment;

import com.teaminbox.bridge.fanout.MediaReference;
import java.util.Locale;
import java.util.Objects;

/**
 * What opens one attachment: where its blob lies, the media key, both hashes, its type and
 * length, and the file name when we know it (the network carries none). The key never appears
 * in {@link #toString()}.
 */
public record Attachment(MediaReference reference, String fileName) {

    public Attachment {
        Objects.requireNonNull(reference, "reference");
    }

    public static Attachment of(MediaReference reference, String fileName) {
        return new Attachment(reference, fileName);
    }

    public String mimeType() {
        return reference.mimeType();
    }

    /** The plaintext's length in bytes. */
    public long length() {
        return reference.fileLength();
    }

    /** The message row's short media_reference: kind and place, never the key. */
    public String summary() {
        return "network-media:" + mimeType() + ":" + reference.directPath();
    }

    /** The name shown and downloaded: the sender's, or one made from the type ("image.jpeg"). */
    public String displayName() {
        return displayName(mimeType(), fileName);
    }

    public static String displayName(String mimeType, String fileName) {
        if (fileName != null && !fileName.isBlank()) {
            return fileName;
        }
        String type = mimeType.toLowerCase(Locale.ROOT);
        int slash = type.indexOf('/');
        String kind = slash > 0 ? type.substring(0, slash) : "file";
        String subtype = slash > 0 ? type.substring(slash + 1).replaceAll("[^a-z0-9.+-]", "") : "";
        String base = switch (kind) {
            case "image", "video", "audio" -> kind;
            default -> "document";
        };
        return subtype.isEmpty() || subtype.equals("octet-stream") ? base : base + "." + subtype;
    }

    public boolean isImage() {
        return mimeType().toLowerCase(Locale.ROOT).startsWith("image/");
    }

    @Override
    public String toString() {
        return "Attachment[" + mimeType() + ", " + length() + " bytes, " + reference.directPath() + "]";
    }
}
