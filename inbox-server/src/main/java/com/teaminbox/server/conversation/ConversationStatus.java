package com.teaminbox.server.conversation;

import java.util.Locale;

/** Open (waiting on the team), pending (waiting on the customer), resolved (done; reopenable). */
public enum ConversationStatus {
    OPEN, PENDING, RESOLVED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ConversationStatus of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
