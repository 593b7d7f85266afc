package com.teaminbox.bridge.client;

import java.time.Duration;
import java.util.Objects;
import java.util.Random;

/**
 * Exponential back-off with "equal jitter": attempt n waits between half and all of
 * min(cap, base · 2^n). The random half spreads many agents' devices apart after a server
 * restart; the fixed half keeps a flapping link from hammering the server.
 */
public final class ReconnectPolicy {

    private final Duration base;
    private final Duration cap;
    private final Random random;

    public ReconnectPolicy(Duration base, Duration cap, Random random) {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 < base <= cap");
        }
        this.base = base;
        this.cap = cap;
        this.random = Objects.requireNonNull(random, "random");
    }

    /** 1 s doubling up to 2 minutes. */
    public static ReconnectPolicy standard(Random random) {
        return new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofMinutes(2), random);
    }

    /** @param attempt 0 for the first reconnect after a drop, counting up until a login succeeds */
    public Duration delayBefore(int attempt) {
        if (attempt < 0) {
            throw new IllegalArgumentException("attempt must not be negative");
        }
        long ceilingMillis = ceilingMillis(attempt);
        long half = ceilingMillis / 2;
        return Duration.ofMillis(half + (long) (random.nextDouble() * (ceilingMillis - half + 1)));
    }

    /** min(cap, base · 2^attempt) without overflowing for large attempt numbers. */
    long ceilingMillis(int attempt) {
        long capMillis = cap.toMillis();
        long value = base.toMillis();
        for (int i = 0; i < attempt && value < capMillis; i++) {
            value *= 2;
        }
        return Math.min(value, capMillis);
    }
}
