package com.teaminbox.bridge.media;

import java.io.IOException;
import java.time.Duration;

/**
 * How slow a media host may be before a transfer is given up: a total clock alone lets a host
 * hold a reader for its whole length by trickling bytes, so the pace is judged by bytes — no
 * read may wait longer than {@link #readTimeout()}, and after {@link #grace()} the average must
 * reach {@link #minimumBytesPerSecond()}.
 */
public record TransferPace(Duration connectTimeout, Duration readTimeout, long minimumBytesPerSecond, Duration grace) {

    /**
     * 16 KiB/s is a poor mobile link; 64 MiB at that pace still ends (in about 70 minutes),
     * while a stalled or trickling host is dropped within half a minute.
     */
    public static final TransferPace DEFAULT = new TransferPace(Duration.ofSeconds(5), Duration.ofSeconds(20),
            16 * 1024, Duration.ofSeconds(10));

    public TransferPace {
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()
                || minimumBytesPerSecond < 0 || grace.isNegative()) {
            throw new IllegalArgumentException("timeouts are positive, the pace and the grace not negative");
        }
    }

    /** @throws IOException the transfer is slower than the minimum pace */
    public void check(long bytesSoFar, Duration elapsed) throws IOException {
        if (elapsed.compareTo(grace) <= 0) {
            return;
        }
        double seconds = elapsed.toNanos() / 1e9;
        if (bytesSoFar < minimumBytesPerSecond * seconds) {
            throw new IOException("the media host sent " + bytesSoFar + " bytes in " + Math.round(seconds)
                    + " s, slower than " + minimumBytesPerSecond / 1024 + " KB/s");
        }
    }
}
