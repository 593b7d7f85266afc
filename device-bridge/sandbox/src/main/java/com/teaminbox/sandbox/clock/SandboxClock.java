package com.teaminbox.sandbox.clock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The network's time: real time plus an offset that the admin API (and tests) move forward, so
 * that "14 days without the phone" takes no real time. The offset is kept in the data folder so
 * that a restarted sandbox does not travel back in time.
 */
public final class SandboxClock extends Clock {

    private final Clock base;
    private final AtomicLong offsetMillis;
    private final Path offsetFile;

    private SandboxClock(Clock base, long offsetMillis, Path offsetFile) {
        this.base = base;
        this.offsetMillis = new AtomicLong(offsetMillis);
        this.offsetFile = offsetFile;
    }

    /** A clock whose offset lives in {@code dataDir/clock-offset}; null keeps it in memory only. */
    public static SandboxClock open(Clock base, Path dataDir) {
        Objects.requireNonNull(base, "base");
        if (dataDir == null) {
            return new SandboxClock(base, 0, null);
        }
        Path file = dataDir.resolve("clock-offset");
        long offset = 0;
        try {
            if (Files.exists(file)) {
                offset = Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).trim());
            }
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("unreadable clock offset in " + file, e);
        }
        return new SandboxClock(base, offset, file);
    }

    /** Moves the network's time forward (never back: expiry decisions already taken stay taken). */
    public Instant advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the sandbox clock only moves forward");
        }
        long offset = offsetMillis.addAndGet(by.toMillis());
        if (offsetFile != null) {
            try {
                Path temporary = offsetFile.resolveSibling("clock-offset.tmp");
                Files.writeString(temporary, Long.toString(offset), StandardCharsets.US_ASCII);
                Files.move(temporary, offsetFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot keep the clock offset", e);
            }
        }
        return instant();
    }

    public Duration offset() {
        return Duration.ofMillis(offsetMillis.get());
    }

    @Override
    public Instant instant() {
        return base.instant().plusMillis(offsetMillis.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this; // the network runs on UTC
    }
}
