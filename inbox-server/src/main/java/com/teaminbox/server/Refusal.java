package com.teaminbox.server;

import java.time.Duration;
import java.util.Optional;

/**
 * A request the domain turns down for a reason the caller can act on. Services throw the
 * subclasses; the REST layer turns them into problem+json (see rest.RefusalMapper), so no
 * service knows about HTTP.
 */
public abstract class Refusal extends RuntimeException {

    /** What kind of refusal, which the API maps onto a status. */
    public enum Kind { NOT_FOUND, CONFLICT, NOT_ALLOWED, INVALID, BUSY }

    protected Refusal(String sentence) {
        super(sentence);
    }

    public abstract Kind kind();

    /** When asking again may succeed; only a {@link Kind#BUSY} refusal says so. */
    public Optional<Duration> retryAfter() {
        return Optional.empty();
    }
}
