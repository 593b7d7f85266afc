package com.teaminbox.bridge.crypto;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/** HMAC-SHA256 (RFC 2104) over the concatenation of several parts, without copying them together. */
public final class HmacSha256 {

    public static final int LENGTH = 32;

    private HmacSha256() {
    }

    public static byte[] mac(byte[] key, byte[]... parts) {
        if (key == null) {
            throw new IllegalArgumentException("HMAC key must not be null");
        }
        HMac hmac = new HMac(new SHA256Digest());
        hmac.init(new KeyParameter(key));
        for (byte[] part : parts) {
            hmac.update(part, 0, part.length);
        }
        byte[] out = new byte[LENGTH];
        hmac.doFinal(out, 0);
        return out;
    }
}
