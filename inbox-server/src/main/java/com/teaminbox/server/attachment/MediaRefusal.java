package com.teaminbox.server.attachment;

import com.teaminbox.bridge.fanout.MediaReference;
import com.teaminbox.bridge.media.MediaPath;
import java.util.Arrays;
import java.util.Optional;

/**
 * Why a received attachment is kept but never fetched. The reference travels inside the
 * sender's message, and a modified client can put anything there: the message is stored (no
 * message is lost), the attachment is marked with one of these, and the media host is never
 * asked for it.
 */
public enum MediaRefusal {

    /** Not {@code /media/} and the blob's hash: an absolute URL, another host, a walk out of the folder. */
    FOREIGN_PATH("foreign-path", "This attachment was not opened: the sender's message pointed somewhere other than"
            + " the network's media host, which genuine apps never do."),
    /** More than the network carries; fetching it would only hold memory for nothing. */
    TOO_LARGE("too-large", "This attachment was not opened: the sender's message announced a file larger than"
            + " the network's 64 MB limit."),
    /** A type that could not even be stored or handed to a browser as a content type. */
    MALFORMED_TYPE("malformed-type", "This attachment was not opened: the sender's message gave it a file type"
            + " that is not a valid one.");

    /** The mime_type column's width. */
    private static final int MAX_TYPE_LENGTH = 255;

    private final String code;
    private final String sentence;

    MediaRefusal(String code, String sentence) {
        this.code = code;
        this.sentence = sentence;
    }

    /** Why this reference may not be fetched; empty when it is in the network's own form. */
    public static Optional<MediaRefusal> of(MediaReference reference) {
        if (!MediaPath.isNetworkForm(reference.directPath())) {
            return Optional.of(FOREIGN_PATH);
        }
        if (reference.fileLength() > AttachmentPolicy.MAX_BYTES) {
            return Optional.of(TOO_LARGE);
        }
        // Longer than the column or with line breaks: it could neither be stored nor sent as a header.
        String type = reference.mimeType();
        if (type.isBlank() || type.length() > MAX_TYPE_LENGTH || type.chars().anyMatch(Character::isISOControl)) {
            return Optional.of(MALFORMED_TYPE);
        }
        return Optional.empty();
    }

    /** As stored in message_media.refusal. */
    public String code() {
        return code;
    }

    /** What the agent reads instead of the file. */
    public String sentence() {
        return sentence;
    }

    public static Optional<MediaRefusal> ofCode(String code) {
        return Arrays.stream(values()).filter(refusal -> refusal.code.equals(code)).findFirst();
    }
}
