package com.teaminbox.bridge.signal;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The network's plaintext padding: 1 to 15 bytes, each equal to the pad length, so message sizes
 * leak less. Applied by {@link SessionCipher} before encryption and checked after decryption.
 */
public final class MessagePadding {
    public static final int MAX_PADDING = 15;

    private MessagePadding() {
    }

    public static byte[] pad(byte[] plaintext, SecureRandom random) {
        int padding = 1 + random.nextInt(MAX_PADDING);
        byte[] padded = Arrays.copyOf(plaintext, plaintext.length + padding);
        Arrays.fill(padded, plaintext.length, padded.length, (byte) padding);
        return padded;
    }

    public static byte[] strip(byte[] padded) throws InvalidMessageException {
        if (padded.length == 0) {
            throw new InvalidMessageException("empty plaintext has no padding");
        }
        int padding = padded[padded.length - 1] & 0xFF;
        if (padding < 1 || padding > MAX_PADDING || padding > padded.length) {
            throw new InvalidMessageException("invalid padding length " + padding);
        }
        for (int i = padded.length - padding; i < padded.length; i++) {
            if ((padded[i] & 0xFF) != padding) {
                throw new InvalidMessageException("padding bytes do not match the padding length");
            }
        }
        return Arrays.copyOf(padded, padded.length - padding);
    }
}
