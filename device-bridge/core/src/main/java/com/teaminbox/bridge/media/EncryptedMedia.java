package com.teaminbox.bridge.media;

import java.util.HexFormat;

/**
 * An encrypted media file as it is uploaded ({@link #blob()} = ciphertext ‖ 10-byte MAC) with
 * the facts the referencing message carries: SHA-256 of the plaintext, SHA-256 of the blob and
 * the plaintext size. Holds no key material.
 */
public final class EncryptedMedia {

    private final byte[] blob;
    private final byte[] fileSha256;
    private final byte[] fileEncSha256;
    private final long size;

    public EncryptedMedia(byte[] blob, byte[] fileSha256, byte[] fileEncSha256, long size) {
        if (blob == null || fileSha256 == null || fileSha256.length != 32
                || fileEncSha256 == null || fileEncSha256.length != 32 || size < 0) {
            throw new IllegalArgumentException("blob, two 32-byte hashes and a non-negative size are required");
        }
        this.blob = blob.clone();
        this.fileSha256 = fileSha256.clone();
        this.fileEncSha256 = fileEncSha256.clone();
        this.size = size;
    }

    /** Ciphertext ‖ MAC: the bytes that go to the blob store. */
    public byte[] blob() {
        return blob.clone();
    }

    public byte[] fileSha256() {
        return fileSha256.clone();
    }

    public byte[] fileEncSha256() {
        return fileEncSha256.clone();
    }

    /** Plaintext length in bytes. */
    public long size() {
        return size;
    }

    @Override
    public String toString() {
        return "EncryptedMedia[size=" + size + ", blobLength=" + blob.length
                + ", fileEncSha256=" + HexFormat.of().formatHex(fileEncSha256) + "]";
    }
}
