package com.teaminbox.bridge.signal;

/**
 * The bounds that keep a session's memory and work finite whatever a peer sends. They also bound
 * the size of a stored {@link SessionRecord}.
 */
public final class RatchetLimits {
    /** A message may lie at most this far ahead of its chain (Signal uses the same figure). */
    public static final int MAX_FORWARD_JUMP = 2000;
    /** Skipped message keys kept per session state; beyond it the oldest are forgotten. */
    public static final int MAX_STORED_SKIPPED_KEYS = 2000;
    /** Receiving chains kept per session state, so late messages of recent chains still decrypt. */
    public static final int MAX_RECEIVER_CHAINS = 5;
    /** Older session states kept per device, for simultaneous initiation and late messages. */
    public static final int MAX_ARCHIVED_STATES = 10;

    private RatchetLimits() {
    }
}
