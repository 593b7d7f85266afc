package com.teaminbox.server.events;

import com.teaminbox.server.Refusal;
import java.time.Duration;
import java.util.Optional;

/** A live event stream refused because its person, or this node, already holds the most allowed. */
public class TooManyStreams extends Refusal {

    /**
     * A stream whose client went away without a word is noticed at the second heartbeat after
     * (every {@value StreamSweep#HEARTBEAT_SECONDS} s) and its place freed; half a minute covers that.
     */
    static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    private TooManyStreams(String sentence) {
        super(sentence);
    }

    static TooManyStreams ofPerson(int limit) {
        return new TooManyStreams("You already have " + limit + " live event streams open, the most one person may have; "
                + "close one (another tab or window of the inbox) or try again in " + RETRY_AFTER.toSeconds() + " seconds.");
    }

    static TooManyStreams ofNode(int limit) {
        return new TooManyStreams("This server already holds " + limit + " live event streams, its limit; "
                + "try again in " + RETRY_AFTER.toSeconds() + " seconds.");
    }

    @Override
    public Kind kind() {
        return Kind.BUSY;
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.of(RETRY_AFTER);
    }
}
