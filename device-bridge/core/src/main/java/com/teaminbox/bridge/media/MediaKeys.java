package com.teaminbox.bridge.media;

import com.teaminbox.bridge.crypto.Hkdf;
import java.util.Arrays;

/** The keys one media key expands to: HKDF-SHA256(mediaKey, info, 112) = iv ‖ cipherKey ‖ macKey ‖ (unused). */
final class MediaKeys {

    static final int MEDIA_KEY_LENGTH = 32;
    private static final int EXPANDED_LENGTH = 112;

    final byte[] iv;
    final byte[] cipherKey;
    final byte[] macKey;

    private MediaKeys(byte[] expanded) {
        iv = Arrays.copyOfRange(expanded, 0, 16);
        cipherKey = Arrays.copyOfRange(expanded, 16, 48);
        macKey = Arrays.copyOfRange(expanded, 48, 80);
        // Bytes 80..111 are the network's "ref key", unused by the bridge.
        Arrays.fill(expanded, (byte) 0);
    }

    static MediaKeys expand(MediaType type, byte[] mediaKey32) {
        if (mediaKey32 == null || mediaKey32.length != MEDIA_KEY_LENGTH) {
            throw new IllegalArgumentException("media key must be " + MEDIA_KEY_LENGTH + " bytes");
        }
        return new MediaKeys(Hkdf.derive(mediaKey32, null, type.hkdfInfoBytes(), EXPANDED_LENGTH));
    }

    @Override
    public String toString() {
        return "MediaKeys[redacted]";
    }
}
