package com.teaminbox.bridge.media;

import java.nio.charset.StandardCharsets;

/**
 * The kind of a media file. Each kind expands the media key with its own HKDF info string, so a
 * key sent for an image cannot be used to open the same bytes as a document. The strings are the
 * network's published ones, which keeps the sandbox's media format identical to the real one.
 */
public enum MediaType {
    IMAGE("WhatsApp Image Keys"),
    VIDEO("WhatsApp Video Keys"),
    AUDIO("WhatsApp Audio Keys"),
    DOCUMENT("WhatsApp Document Keys");

    private final String hkdfInfo;

    MediaType(String hkdfInfo) {
        this.hkdfInfo = hkdfInfo;
    }

    /** The kind a MIME type travels as: anything not image, video or audio is a document. */
    public static MediaType forMimeType(String mimeType) {
        String lower = mimeType.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("image/")) {
            return IMAGE;
        }
        if (lower.startsWith("video/")) {
            return VIDEO;
        }
        if (lower.startsWith("audio/")) {
            return AUDIO;
        }
        return DOCUMENT;
    }

    public String hkdfInfo() {
        return hkdfInfo;
    }

    byte[] hkdfInfoBytes() {
        return hkdfInfo.getBytes(StandardCharsets.US_ASCII);
    }
}
