package com.teaminbox.server.attachment;

import com.teaminbox.bridge.fanout.MediaReference;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What opens one attachment: where its blob lies, the media key, both hashes, its type and
 * length, and the file name when we know it (the network carries none). The key never appears
 * in {@link #toString()}.
 *
 * <p>A reference that is not the network's own form is {@link #refusal() refused}: kept with
 * its message, never fetched. The check is made here, whatever the reference's origin (a
 * customer, the phone, a row stored before the check existed), so no path around it exists.
 */
public record Attachment(MediaReference reference, String fileName, MediaRefusal refused) {

    /** How much of a refused path the logs and the row keep: enough to recognise it. */
    private static final int SHOWN_PATH = 200;

    public Attachment {
        Objects.requireNonNull(reference, "reference");
        if (refused == null) {
            refused = MediaRefusal.of(reference).orElse(null);
        }
    }

    public static Attachment of(MediaReference reference, String fileName) {
        return new Attachment(reference, fileName, null);
    }

    /** Why this attachment is never fetched; empty when it may be. */
    public Optional<MediaRefusal> refusal() {
        return Optional.ofNullable(refused);
    }

    public String mimeType() {
        return reference.mimeType();
    }

    /** The plaintext's length in bytes. */
    public long length() {
        return reference.fileLength();
    }

    /** The message row's short media_reference: kind and place, never the key (nor a sender's long path). */
    public String summary() {
        return refused != null ? "network-media:refused:" + refused.code()
                : "network-media:" + mimeType() + ":" + reference.directPath();
    }

    /** The path as received, cut short: refused paths can be anything a sender chose. */
    public String shownPath() {
        String path = reference.directPath();
        return path.length() <= SHOWN_PATH ? path : path.substring(0, SHOWN_PATH) + "…";
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

    @Override
    public String toString() {
        return "Attachment[" + mimeType() + ", " + length() + " bytes, " + shownPath()
                + (refused == null ? "" : ", refused: " + refused.code()) + "]";
    }
}
