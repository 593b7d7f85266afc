package com.teaminbox.server.events;

/**
 * Why the server ended a live event stream. The stream's last event, {@value #EVENT}, carries the
 * reason so that a client knows whether opening it again with a fresh token makes sense.
 */
enum StreamEnd {
    /** The token that opened the stream expired: open it again with a fresh one. */
    TOKEN_EXPIRED("token-expired"),
    /** An administrator disabled the account: a new stream is refused (403). */
    ACCOUNT_DISABLED("account-disabled"),
    /** The person lost a role the stream was opened with: a new token carries the roles they have now. */
    ROLES_CHANGED("roles-changed");

    static final String EVENT = "end";

    private final String reason;

    StreamEnd(String reason) {
        this.reason = reason;
    }

    String toJson() {
        return "{\"kind\":\"" + EVENT + "\",\"reason\":\"" + reason + "\"}";
    }
}
