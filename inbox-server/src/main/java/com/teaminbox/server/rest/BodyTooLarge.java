package com.teaminbox.server.rest;

import java.util.Optional;

/**
 * A request body that grew past its limit while it was being read (413). Thrown from inside
 * the body stream, so a JSON reader may wrap it: {@link #in} finds it again for the mappers.
 */
public class BodyTooLarge extends ProblemException {

    public BodyTooLarge(String detail) {
        super(413, detail);
    }

    /** This refusal when it is the failure or one of its causes. */
    public static Optional<BodyTooLarge> in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLarge tooLarge) {
                return Optional.of(tooLarge);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }
}
