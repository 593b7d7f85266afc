package com.teaminbox.bridge.media;

/**
 * A downloaded media blob failed its MAC, its hashes or its size, or was opened with the wrong
 * media type or key. The caller should discard the bytes and show the attachment as
 * unavailable (or download it again); they are never decrypted or shown.
 */
public final class MediaTamperedException extends Exception {

    private static final long serialVersionUID = 1L;

    public MediaTamperedException(String message) {
        super(message);
    }

    public MediaTamperedException(String message, Throwable cause) {
        super(message, cause);
    }
}
