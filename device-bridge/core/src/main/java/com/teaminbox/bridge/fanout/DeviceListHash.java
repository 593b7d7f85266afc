package com.teaminbox.bridge.fanout;

import com.teaminbox.bridge.signal.SignalAddress;
import com.teaminbox.bridge.signal.WireWriter;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;

/**
 * The hash of the device addresses a sender encrypted to, sent along so the server can see
 * whether it used the current lists. SHA-256 over the addresses sorted by (user, device id),
 * each encoded as utf8Length(2) ‖ user ‖ deviceId(4), truncated to the first 8 bytes: it only
 * needs to detect a change, and 64 bits make an accidental match negligible. Order-independent.
 */
public final class DeviceListHash {
    public static final int LENGTH = 8;

    private final byte[] value;

    private DeviceListHash(byte[] value) {
        this.value = value;
    }

    public static DeviceListHash of(Collection<SignalAddress> addresses) {
        WireWriter canonical = new WireWriter();
        addresses.stream().distinct().sorted().forEach(address ->
                canonical.shortText(address.user()).u32(address.deviceId()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toByteArray());
            return new DeviceListHash(Arrays.copyOf(digest, LENGTH));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public byte[] value() {
        return value.clone();
    }

    /** The form carried in a stanza attribute. */
    public String asHex() {
        return HexFormat.of().formatHex(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DeviceListHash hash && Arrays.equals(value, hash.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "DeviceListHash[" + asHex() + "]";
    }
}
