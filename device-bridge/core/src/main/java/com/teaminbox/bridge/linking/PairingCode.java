package com.teaminbox.bridge.linking;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * The 8-character code the owner types on the phone: 5 random bytes in an alphabet without
 * 0, O, I and U, so that it reads unambiguously; shown as {@code XXXX-XXXX}.
 */
public final class PairingCode {

    public static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTVWXYZ";
    public static final int LENGTH = 8;

    private final String code;

    private PairingCode(String code) {
        this.code = code;
    }

    public static PairingCode generate(SecureRandom random) {
        byte[] bytes = new byte[5];
        random.nextBytes(bytes);
        long bits = 0;
        for (byte b : bytes) {
            bits = (bits << 8) | (b & 0xff);
        }
        char[] chars = new char[LENGTH];
        for (int i = LENGTH - 1; i >= 0; i--) {
            chars[i] = ALPHABET.charAt((int) (bits & 31));
            bits >>>= 5;
        }
        return new PairingCode(new String(chars));
    }

    /** Accepts what a person types: with or without the dash, any case, surrounding spaces. */
    public static PairingCode parse(String typed) throws InvalidPairingCodeException {
        if (typed == null) {
            throw new InvalidPairingCodeException(-1, "no pairing code");
        }
        String trimmed = typed.strip();
        int offset = typed.indexOf(trimmed);
        boolean dashed = trimmed.indexOf('-') >= 0;
        if (dashed && (trimmed.length() != LENGTH + 1 || trimmed.indexOf('-') != 4 || trimmed.lastIndexOf('-') != 4)) {
            throw new InvalidPairingCodeException(-1, "a pairing code is shown as XXXX-XXXX");
        }
        String compact = dashed ? trimmed.substring(0, 4) + trimmed.substring(5) : trimmed;
        if (compact.length() != LENGTH) {
            throw new InvalidPairingCodeException(-1, "a pairing code has " + LENGTH + " characters, shown as XXXX-XXXX");
        }
        String upper = compact.toUpperCase(Locale.ROOT);
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(upper.charAt(i)) < 0) {
                int position = offset + (dashed && i >= 4 ? i + 1 : i);
                throw new InvalidPairingCodeException(position,
                        "'" + compact.charAt(i) + "' cannot appear in a pairing code (no 0, O, I or U)");
            }
        }
        return new PairingCode(upper);
    }

    /** As shown to the owner: {@code XXXX-XXXX}. */
    public String display() {
        return code.substring(0, 4) + "-" + code.substring(4);
    }

    /** The password for the key wrapping: the 8 characters without the dash. */
    byte[] passwordBytes() {
        return code.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PairingCode that && code.equals(that.code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }

    /** The code protects the key exchange: keep it out of logs. */
    @Override
    public String toString() {
        return "PairingCode[****-****]";
    }
}
