package com.teaminbox.bridge.fanout;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Where an encrypted attachment lies and how to open it: the blob's path, the media key, the
 * hashes of the plaintext and of the blob (ciphertext ‖ MAC), and the plaintext's length. The
 * media key never appears in {@link #toString()}.
 */
public record MediaReference(String directPath, String mimeType, byte[] mediaKey, byte[] fileSha256,
                             byte[] fileEncSha256, long fileLength) {
    public static final int MEDIA_KEY_LENGTH = 32;
    public static final int SHA256_LENGTH = 32;

    public MediaReference {
        Objects.requireNonNull(directPath, "directPath");
        Objects.requireNonNull(mimeType, "mimeType");
        if (mediaKey.length != MEDIA_KEY_LENGTH || fileSha256.length != SHA256_LENGTH
                || fileEncSha256.length != SHA256_LENGTH || fileLength < 0) {
            throw new IllegalArgumentException("media key and hashes are 32 bytes, length is not negative");
        }
        mediaKey = mediaKey.clone();
        fileSha256 = fileSha256.clone();
        fileEncSha256 = fileEncSha256.clone();
    }

    @Override
    public byte[] fileEncSha256() {
        return fileEncSha256.clone();
    }

    @Override
    public byte[] mediaKey() {
        return mediaKey.clone();
    }

    @Override
    public byte[] fileSha256() {
        return fileSha256.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MediaReference media && directPath.equals(media.directPath)
                && mimeType.equals(media.mimeType) && Arrays.equals(mediaKey, media.mediaKey)
                && Arrays.equals(fileSha256, media.fileSha256)
                && Arrays.equals(fileEncSha256, media.fileEncSha256) && fileLength == media.fileLength;
    }

    @Override
    public int hashCode() {
        return Objects.hash(directPath, mimeType, Arrays.hashCode(fileSha256), fileLength);
    }

    @Override
    public String toString() {
        return "MediaReference[" + directPath + ", " + mimeType + ", " + fileLength + " bytes, sha256="
                + HexFormat.of().formatHex(fileSha256, 0, 6) + "]";
    }
}
