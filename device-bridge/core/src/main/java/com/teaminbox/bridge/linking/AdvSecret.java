package com.teaminbox.bridge.linking;

import com.teaminbox.bridge.crypto.Hkdf;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * The 32-byte secret shared by companion and primary only (in the QR code, or derived from the
 * pairing code exchange). The primary MACs the device identity with it, which is what stops the
 * server from forging a link.
 */
public final class AdvSecret {

    public static final int LENGTH = 32;
    private static final byte[] INFO = "adv_secret".getBytes(StandardCharsets.US_ASCII);

    private final byte[] secret;

    private AdvSecret(byte[] secret) {
        this.secret = secret;
    }

    public static AdvSecret of(byte[] secret) {
        if (secret == null || secret.length != LENGTH) {
            throw new IllegalArgumentException("adv secret must be " + LENGTH + " bytes");
        }
        return new AdvSecret(secret.clone());
    }

    public static AdvSecret random(SecureRandom random) {
        byte[] secret = new byte[LENGTH];
        random.nextBytes(secret);
        return new AdvSecret(secret);
    }

    /** Pairing-code path: HKDF-SHA256(s1 ‖ s2 ‖ random32, no salt, "adv_secret"). */
    static AdvSecret fromPairing(byte[] s1, byte[] s2, byte[] random32) {
        byte[] ikm = new byte[s1.length + s2.length + random32.length];
        System.arraycopy(s1, 0, ikm, 0, s1.length);
        System.arraycopy(s2, 0, ikm, s1.length, s2.length);
        System.arraycopy(random32, 0, ikm, s1.length + s2.length, random32.length);
        return new AdvSecret(Hkdf.derive(ikm, null, INFO, LENGTH));
    }

    public byte[] bytes() {
        return secret.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AdvSecret that && MessageDigest.isEqual(secret, that.secret);
    }

    @Override
    public int hashCode() {
        return 0; // never hash secret bytes into something that may be logged or compared by timing
    }

    @Override
    public String toString() {
        return "AdvSecret[redacted]";
    }
}
