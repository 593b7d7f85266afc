package com.teaminbox.bridge.linking;

/** A scanned text is not a linking QR code of this network; {@link #problem()} says which part is wrong. */
public final class InvalidQrCodeException extends LinkingException {

    private static final long serialVersionUID = 1L;

    public enum Problem {
        WRONG_PREFIX, WRONG_PART_COUNT, BAD_REF, NOT_BASE64, WRONG_KEY_LENGTH, BAD_PLATFORM
    }

    private final Problem problem;

    public InvalidQrCodeException(Problem problem, String message) {
        super(Kind.INVALID_QR_CODE, message);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
