package com.teaminbox.bridge.linking;

import com.teaminbox.bridge.linking.InvalidQrCodeException.Problem;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * What the companion shows and the primary scans:
 * {@code sandbox-link:ref,base64(noisePub),base64(identityPub),base64(advSecret),platform}.
 * The sandbox network uses its own prefix where the real network puts a URL.
 */
public final class QrCode {

    public static final String PREFIX = "sandbox-link:";
    private static final int KEY_LENGTH = 32;
    private static final int MAX_FIELD_LENGTH = 128;

    private final String ref;
    private final byte[] noisePublicKey;
    private final byte[] identityPublicKey;
    private final AdvSecret advSecret;
    private final String platform;

    public QrCode(String ref, byte[] noisePublicKey, byte[] identityPublicKey, AdvSecret advSecret, String platform) {
        if (!isPlainField(ref) || !isPlainField(platform)) {
            throw new IllegalArgumentException("ref and platform must be 1.." + MAX_FIELD_LENGTH
                    + " printable characters without commas");
        }
        if (noisePublicKey.length != KEY_LENGTH || identityPublicKey.length != KEY_LENGTH) {
            throw new IllegalArgumentException("keys must be " + KEY_LENGTH + " bytes");
        }
        this.ref = ref;
        this.noisePublicKey = noisePublicKey.clone();
        this.identityPublicKey = identityPublicKey.clone();
        this.advSecret = Objects.requireNonNull(advSecret, "advSecret");
        this.platform = platform;
    }

    /** The text to render as a QR code. It contains the adv secret: show it, never log it. */
    public String text() {
        Base64.Encoder base64 = Base64.getEncoder();
        return PREFIX + ref + "," + base64.encodeToString(noisePublicKey) + ","
                + base64.encodeToString(identityPublicKey) + "," + base64.encodeToString(advSecret.bytes())
                + "," + platform;
    }

    /** Strict: exact prefix, five parts, canonical padded base64, 32-byte keys. */
    public static QrCode parse(String text) throws InvalidQrCodeException {
        if (text == null || !text.startsWith(PREFIX)) {
            throw new InvalidQrCodeException(Problem.WRONG_PREFIX, "not a linking code of this network");
        }
        String[] parts = text.substring(PREFIX.length()).split(",", -1);
        if (parts.length != 5) {
            throw new InvalidQrCodeException(Problem.WRONG_PART_COUNT, "expected 5 comma-separated parts, got " + parts.length);
        }
        if (!isPlainField(parts[0])) {
            throw new InvalidQrCodeException(Problem.BAD_REF, "the ref is empty, too long or not printable");
        }
        if (!isPlainField(parts[4])) {
            throw new InvalidQrCodeException(Problem.BAD_PLATFORM, "the platform is empty, too long or not printable");
        }
        byte[] noise = key(parts[1], "noise key");
        byte[] identity = key(parts[2], "identity key");
        byte[] secret = key(parts[3], "adv secret");
        return new QrCode(parts[0], noise, identity, AdvSecret.of(secret), parts[4]);
    }

    private static byte[] key(String encoded, String what) throws InvalidQrCodeException {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new InvalidQrCodeException(Problem.NOT_BASE64, "the " + what + " is not base64");
        }
        // The JDK decoder tolerates missing padding; only the canonical form is accepted.
        if (!Base64.getEncoder().encodeToString(decoded).equals(encoded)) {
            throw new InvalidQrCodeException(Problem.NOT_BASE64, "the " + what + " is not canonical base64");
        }
        if (decoded.length != KEY_LENGTH) {
            throw new InvalidQrCodeException(Problem.WRONG_KEY_LENGTH,
                    "the " + what + " is " + decoded.length + " bytes, expected " + KEY_LENGTH);
        }
        return decoded;
    }

    private static boolean isPlainField(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_FIELD_LENGTH) {
            return false;
        }
        return value.chars().allMatch(c -> c >= 0x20 && c <= 0x7e && c != ',');
    }

    public String ref() {
        return ref;
    }

    public byte[] noisePublicKey() {
        return noisePublicKey.clone();
    }

    public byte[] identityPublicKey() {
        return identityPublicKey.clone();
    }

    public AdvSecret advSecret() {
        return advSecret;
    }

    public String platform() {
        return platform;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof QrCode that && ref.equals(that.ref) && platform.equals(that.platform)
                && Arrays.equals(noisePublicKey, that.noisePublicKey)
                && Arrays.equals(identityPublicKey, that.identityPublicKey) && advSecret.equals(that.advSecret);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ref, platform, Arrays.hashCode(identityPublicKey));
    }

    @Override
    public String toString() {
        return "QrCode[ref=" + ref + ", platform=" + platform + "]";
    }
}
