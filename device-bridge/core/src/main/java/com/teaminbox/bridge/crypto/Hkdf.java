package com.teaminbox.bridge.crypto;

import java.io.ByteArrayOutputStream;

/**
 * HKDF with HMAC-SHA256 (RFC 5869). Arguments come in the same order everywhere
 * (input key material, salt, info, length), so {@link #extract(byte[], byte[])} takes the
 * salt second although the RFC writes HKDF-Extract(salt, IKM).
 */
public final class Hkdf {

    private static final int MAX_LENGTH = 255 * HmacSha256.LENGTH;

    private Hkdf() {
    }

    /** @param salt null or empty means HashLen zero bytes, as the RFC specifies */
    public static byte[] extract(byte[] ikm, byte[] salt) {
        byte[] key = salt == null || salt.length == 0 ? new byte[HmacSha256.LENGTH] : salt;
        return HmacSha256.mac(key, ikm);
    }

    public static byte[] expand(byte[] prk, byte[] info, int length) {
        if (length < 0 || length > MAX_LENGTH) {
            throw new IllegalArgumentException("HKDF output length must be 0.." + MAX_LENGTH);
        }
        byte[] safeInfo = info == null ? new byte[0] : info;
        ByteArrayOutputStream okm = new ByteArrayOutputStream(length + HmacSha256.LENGTH);
        byte[] previous = new byte[0];
        for (int counter = 1; okm.size() < length; counter++) {
            previous = HmacSha256.mac(prk, previous, safeInfo, new byte[] {(byte) counter});
            okm.writeBytes(previous);
        }
        byte[] out = new byte[length];
        System.arraycopy(okm.toByteArray(), 0, out, 0, length);
        return out;
    }

    public static byte[] derive(byte[] ikm, byte[] salt, byte[] info, int length) {
        return expand(extract(ikm, salt), info, length);
    }
}
