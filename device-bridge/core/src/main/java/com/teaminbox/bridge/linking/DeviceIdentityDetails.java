package com.teaminbox.bridge.linking;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * What the primary vouches for when it links a companion: account, the companion's device id,
 * when, and the key index it gave the device. The encoding is what gets MACed and signed, so
 * it is fixed and strict:
 * {@code version(1)=1 | accountLength(1) | account (digits) | deviceId(2) | timestamp(8, seconds) | keyIndex(4)}.
 */
public record DeviceIdentityDetails(String accountId, int deviceId, long timestamp, long keyIndex) {

    private static final int VERSION = 1;
    private static final int MAX_ACCOUNT_LENGTH = 20;

    public DeviceIdentityDetails {
        if (accountId == null || accountId.isEmpty() || accountId.length() > MAX_ACCOUNT_LENGTH
                || !accountId.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("account id must be 1.." + MAX_ACCOUNT_LENGTH + " digits");
        }
        if (deviceId < 1 || deviceId > 0xFFFF) {
            throw new IllegalArgumentException("a companion device id is 1..65535, not " + deviceId);
        }
        if (timestamp < 0) {
            throw new IllegalArgumentException("timestamp must not be negative");
        }
        if (keyIndex < 0 || keyIndex > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("key index out of range");
        }
    }

    public byte[] encode() {
        byte[] account = accountId.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(2 + account.length + 2 + 8 + 4)
                .put((byte) VERSION).put((byte) account.length).put(account)
                .putShort((short) deviceId).putLong(timestamp).putInt((int) keyIndex)
                .array();
    }

    public static DeviceIdentityDetails decode(byte[] encoded) throws LinkingException {
        if (encoded == null || encoded.length < 2 || encoded[0] != VERSION) {
            throw malformed("unknown details version");
        }
        int accountLength = encoded[1] & 0xff;
        if (encoded.length != 2 + accountLength + 2 + 8 + 4) {
            throw malformed("details have the wrong length");
        }
        ByteBuffer in = ByteBuffer.wrap(encoded, 2 + accountLength, 14);
        String account = new String(encoded, 2, accountLength, StandardCharsets.US_ASCII);
        int deviceId = in.getShort() & 0xffff;
        long timestamp = in.getLong();
        long keyIndex = in.getInt() & 0xFFFFFFFFL;
        try {
            return new DeviceIdentityDetails(account, deviceId, timestamp, keyIndex);
        } catch (IllegalArgumentException e) {
            throw malformed(e.getMessage());
        }
    }

    private static LinkingException malformed(String message) {
        return new LinkingException(LinkingException.Kind.MALFORMED_IDENTITY, message);
    }
}
