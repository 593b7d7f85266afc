package com.teaminbox.bridge.linking;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeSet;

/**
 * The key indexes of an account's currently linked devices, as the primary signed them. A peer
 * accepts a companion only if its key index is listed, so removing an index unlinks the device
 * everywhere even if the server misbehaves. Encoding:
 * {@code version(1)=1 | accountLength(1) | account | timestamp(8) | count(2) | index(4)*} in ascending order.
 */
public record KeyIndexList(String accountId, long timestamp, List<Long> validIndexes) {

    private static final int VERSION = 1;
    private static final int MAX_INDEXES = 1024;

    public KeyIndexList {
        if (accountId == null || accountId.isEmpty() || accountId.length() > 20
                || !accountId.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("account id must be 1..20 digits");
        }
        TreeSet<Long> sorted = new TreeSet<>(validIndexes);
        if (sorted.size() != validIndexes.size() || sorted.size() > MAX_INDEXES
                || sorted.stream().anyMatch(i -> i < 0 || i > 0xFFFFFFFFL)) {
            throw new IllegalArgumentException("key indexes must be distinct, at most " + MAX_INDEXES + ", 32-bit");
        }
        validIndexes = List.copyOf(sorted);
    }

    public boolean accepts(long keyIndex) {
        return validIndexes.contains(keyIndex);
    }

    /** @throws LinkingException KEY_INDEX_NOT_LISTED when the device was unlinked (or never linked) */
    public void requireListed(DeviceIdentityDetails device) throws LinkingException {
        if (!device.accountId().equals(accountId) || !accepts(device.keyIndex())) {
            throw new LinkingException(LinkingException.Kind.KEY_INDEX_NOT_LISTED,
                    "device " + device.deviceId() + " is not in the account's signed device list");
        }
    }

    public KeyIndexList with(long keyIndex, long newTimestamp) {
        List<Long> more = new java.util.ArrayList<>(validIndexes);
        if (!more.contains(keyIndex)) {
            more.add(keyIndex);
        }
        return new KeyIndexList(accountId, newTimestamp, more);
    }

    public KeyIndexList without(long keyIndex, long newTimestamp) {
        List<Long> fewer = new java.util.ArrayList<>(validIndexes);
        fewer.remove(keyIndex);
        return new KeyIndexList(accountId, newTimestamp, fewer);
    }

    public byte[] encode() {
        byte[] account = accountId.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer out = ByteBuffer.allocate(2 + account.length + 8 + 2 + 4 * validIndexes.size());
        out.put((byte) VERSION).put((byte) account.length).put(account).putLong(timestamp)
                .putShort((short) validIndexes.size());
        validIndexes.forEach(i -> out.putInt(i.intValue()));
        return out.array();
    }

    public static KeyIndexList decode(byte[] encoded) throws LinkingException {
        if (encoded == null || encoded.length < 2 || encoded[0] != VERSION) {
            throw malformed("unknown key index list version");
        }
        int accountLength = encoded[1] & 0xff;
        if (encoded.length < 2 + accountLength + 10) {
            throw malformed("key index list truncated");
        }
        ByteBuffer in = ByteBuffer.wrap(encoded, 2 + accountLength, encoded.length - 2 - accountLength);
        long timestamp = in.getLong();
        int count = in.getShort() & 0xffff;
        if (in.remaining() != 4 * count) {
            throw malformed("key index list has the wrong length");
        }
        List<Long> indexes = new java.util.ArrayList<>(count);
        long previous = -1;
        for (int i = 0; i < count; i++) {
            long index = in.getInt() & 0xFFFFFFFFL;
            if (index <= previous) {
                throw malformed("key indexes are not strictly ascending");
            }
            indexes.add(index);
            previous = index;
        }
        try {
            return new KeyIndexList(new String(encoded, 2, accountLength, StandardCharsets.US_ASCII), timestamp, indexes);
        } catch (IllegalArgumentException e) {
            throw malformed(e.getMessage());
        }
    }

    private static LinkingException malformed(String message) {
        return new LinkingException(LinkingException.Kind.MALFORMED_IDENTITY, message);
    }
}
