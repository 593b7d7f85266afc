package com.teaminbox.bridge.client;

/** Why the network ended this device's membership of the account; each needs a new link. */
public enum LogoutReason {
    /** The primary was unused for 14 days, or the companion for 30 days. */
    DEVICE_REMOVED("device_removed"),
    /** The same device connected elsewhere; this connection lost. */
    REPLACED("replaced"),
    /** The owner unlinked this companion on the phone, or the companion unlinked itself. */
    UNLINKED("unlinked"),
    /** A 401 at login with a reason we do not know. */
    UNAUTHORIZED("unauthorized");

    private final String wireReason;

    LogoutReason(String wireReason) {
        this.wireReason = wireReason;
    }

    public String wireReason() {
        return wireReason;
    }

    /** Maps a server reason; anything unknown with a 401 still means logged out. */
    public static LogoutReason fromWire(String reason) {
        for (LogoutReason value : values()) {
            if (value.wireReason.equals(reason)) {
                return value;
            }
        }
        return UNAUTHORIZED;
    }
}
