package com.teaminbox.server.agent;

import java.util.Locale;

/** Whether an agent takes new conversations: only online agents are routed to. */
public enum AgentStatus {
    ONLINE, AWAY, OFFLINE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AgentStatus of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
