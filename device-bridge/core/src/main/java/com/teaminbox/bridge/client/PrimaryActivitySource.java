package com.teaminbox.bridge.client;

/**
 * How a companion learns that the owner's phone is in use. There is no "primary online"
 * event; these indirect signs are all there is, and they keep the 14-day clock from running out.
 */
public enum PrimaryActivitySource {
    /** A copy of a message the primary sent ("sent by me to X"). */
    SENT_FROM_PRIMARY,
    /** A read or delivery receipt from device 0 of the own account. */
    RECEIPT_FROM_PRIMARY,
    /** The primary synchronised app state (chat archive, labels...). */
    APP_STATE_SYNC,
    /** The primary answered a probe message sent directly to device 0. */
    PROBE_ANSWER
}
