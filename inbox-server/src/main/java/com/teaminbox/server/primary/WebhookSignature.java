package com.teaminbox.server.primary;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a webhook POST is signed: HMAC-SHA256 keyed with the shared secret over the timestamp, a
 * dot and the exact body bytes. The timestamp travels in its own header and is part of the signed
 * string, so a receiver can refuse a POST replayed later (we advise after five minutes) and
 * nobody can move the timestamp without breaking the signature.
 */
public final class WebhookSignature {

    public static final String SIGNATURE_HEADER = "X-TeamInbox-Signature";
    /** Unix seconds at the moment of sending; each retry is signed anew. */
    public static final String TIMESTAMP_HEADER = "X-TeamInbox-Timestamp";
    /**
     * HMAC-SHA256's own output length: RFC 2104 (section 3) strongly discourages shorter keys, and
     * a short secret is what an attacker holding one signed POST would guess offline.
     */
    public static final int MIN_SECRET_BYTES = 32;
    public static final String MAKE_ONE = "openssl rand -hex 32 makes one";

    private WebhookSignature() {
    }

    /** The signature header's value: {@code sha256=} and the lower-case hex HMAC of {@code timestamp.body}. */
    public static String sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Whether the secret has at least {@link #MIN_SECRET_BYTES} bytes in UTF-8. */
    public static boolean longEnough(String secret) {
        return secret.getBytes(StandardCharsets.UTF_8).length >= MIN_SECRET_BYTES;
    }
}
