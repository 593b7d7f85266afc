package com.teaminbox.bridge.media;

import com.teaminbox.bridge.crypto.AesCbc;
import com.teaminbox.bridge.crypto.AuthenticationFailedException;
import com.teaminbox.bridge.crypto.HmacSha256;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Encrypts and decrypts media files: AES-256-CBC under keys expanded from the media key, then
 * HMAC-SHA256 over iv ‖ ciphertext truncated to 10 bytes and appended. Decryption checks the
 * MAC before touching the ciphertext, so a forged blob never reaches the CBC padding check.
 */
public final class MediaCipher {

    public static final int MAC_LENGTH = 10;

    private MediaCipher() {
    }

    /**
     * The exact length of the blob for a file of this many bytes: PKCS#7 always adds 1 to 16
     * bytes of padding, then the MAC. A reader may refuse to take a single byte more.
     */
    public static long blobLength(long plaintextLength) {
        if (plaintextLength < 0) {
            throw new IllegalArgumentException("a file has no negative length");
        }
        return (plaintextLength / AesCbc.BLOCK_LENGTH + 1) * AesCbc.BLOCK_LENGTH + MAC_LENGTH;
    }

    public static EncryptedMedia encrypt(MediaType type, byte[] mediaKey32, byte[] plaintext) {
        MediaKeys keys = MediaKeys.expand(type, mediaKey32);
        byte[] ciphertext = AesCbc.encrypt(keys.cipherKey, keys.iv, plaintext);
        byte[] mac = mac(keys, ciphertext);
        byte[] blob = Arrays.copyOf(ciphertext, ciphertext.length + MAC_LENGTH);
        System.arraycopy(mac, 0, blob, ciphertext.length, MAC_LENGTH);
        return new EncryptedMedia(blob, sha256(plaintext), sha256(blob), plaintext.length);
    }

    /** Opens a downloaded blob (ciphertext ‖ MAC). */
    public static byte[] decrypt(MediaType type, byte[] mediaKey32, byte[] blob) throws MediaTamperedException {
        MediaKeys keys = MediaKeys.expand(type, mediaKey32);
        if (blob == null || blob.length < MAC_LENGTH + AesCbc.BLOCK_LENGTH) {
            throw new MediaTamperedException("media blob too short");
        }
        byte[] ciphertext = Arrays.copyOf(blob, blob.length - MAC_LENGTH);
        byte[] receivedMac = Arrays.copyOfRange(blob, blob.length - MAC_LENGTH, blob.length);
        if (!MessageDigest.isEqual(mac(keys, ciphertext), receivedMac)) {
            throw new MediaTamperedException("media MAC mismatch (tampered blob, wrong key or wrong media type)");
        }
        try {
            return AesCbc.decrypt(keys.cipherKey, keys.iv, ciphertext);
        } catch (AuthenticationFailedException e) {
            // Only reachable if the sender itself produced a bad file under a valid MAC.
            throw new MediaTamperedException("media ciphertext does not decrypt", e);
        }
    }

    /**
     * Opens a blob and also checks it against what the message said: the blob's hash before
     * decrypting, then the plaintext's hash and size.
     */
    public static byte[] decrypt(MediaType type, byte[] mediaKey32, EncryptedMedia media) throws MediaTamperedException {
        byte[] blob = media.blob();
        if (!MessageDigest.isEqual(sha256(blob), media.fileEncSha256())) {
            throw new MediaTamperedException("media blob does not match its announced hash");
        }
        byte[] plaintext = decrypt(type, mediaKey32, blob);
        if (plaintext.length != media.size() || !MessageDigest.isEqual(sha256(plaintext), media.fileSha256())) {
            throw new MediaTamperedException("decrypted media does not match its announced hash or size");
        }
        return plaintext;
    }

    private static byte[] mac(MediaKeys keys, byte[] ciphertext) {
        return Arrays.copyOf(HmacSha256.mac(keys.macKey, keys.iv, ciphertext), MAC_LENGTH);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
