package com.teaminbox.bridge.noise;

/**
 * A frame declared (or was given) a payload longer than the limit. On receipt the stream can no
 * longer be trusted to be in step, so the caller closes the connection; on sending, the caller
 * must split the data at a higher level.
 */
public final class FrameTooLargeException extends Exception {

    private static final long serialVersionUID = 1L;

    private final long declaredLength;
    private final int limit;

    public FrameTooLargeException(long declaredLength, int limit) {
        super("frame of " + declaredLength + " bytes exceeds the limit of " + limit);
        this.declaredLength = declaredLength;
        this.limit = limit;
    }

    public long declaredLength() {
        return declaredLength;
    }

    public int limit() {
        return limit;
    }
}
