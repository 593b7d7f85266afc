package com.teaminbox.bridge.signal;

import java.util.Comparator;
import java.util.Objects;

/** One device of one user; sessions are kept per address. Device 0 is the account's primary phone. */
public record SignalAddress(String user, int deviceId) implements Comparable<SignalAddress> {
    public static final int PRIMARY_DEVICE_ID = 0;

    private static final Comparator<SignalAddress> ORDER =
            Comparator.comparing(SignalAddress::user).thenComparingInt(SignalAddress::deviceId);

    public SignalAddress {
        Objects.requireNonNull(user, "user");
        if (user.isBlank()) {
            throw new IllegalArgumentException("user must not be blank");
        }
        if (deviceId < 0) {
            throw new IllegalArgumentException("device id must not be negative: " + deviceId);
        }
    }

    public boolean isPrimary() {
        return deviceId == PRIMARY_DEVICE_ID;
    }

    @Override
    public int compareTo(SignalAddress other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return user + ":" + deviceId;
    }
}
