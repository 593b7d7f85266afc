package com.teaminbox.server.events;

import jakarta.json.JsonObject;

/**
 * Something changed. Usually in a conversation: the conversation itself, one of its messages
 * or its notes; such an event carries no content, only what to re-read. The other kinds are
 * for admins and managers only: {@value #PRIMARY_PHONE}, a warning, incident or recovery of
 * the business's primary phone, whose data is the notification's own JSON (account,
 * thresholds, time left; never a secret); {@value #AGENT} and {@value #DEVICE}, an agent's
 * status or capacity or a device's state changed (data: which one), for the manager console
 * and the devices screen.
 */
public record InboxEvent(String kind, long conversationId, String data) {

    /** The banner event about the primary phone (see the primary package). */
    public static final String PRIMARY_PHONE = "primary-phone";

    /** An agent's status, capacity or being disabled changed (V11 trigger). */
    public static final String AGENT = "agent";

    /** A companion device's state changed (V11 trigger). */
    public static final String DEVICE = "device";

    private static final java.util.Set<String> STAFF_ONLY = java.util.Set.of(PRIMARY_PHONE, AGENT, DEVICE);

    /** Parses the payload, e.g. {"kind" : "message", "conversationId" : 42}. */
    static InboxEvent parse(String payload) {
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(payload))) {
            JsonObject json = reader.readObject();
            String kind = json.getString("kind");
            if (STAFF_ONLY.contains(kind)) {
                return new InboxEvent(kind, 0, json.toString());
            }
            return new InboxEvent(kind, json.getJsonNumber("conversationId").longValue(), null);
        }
    }

    /** Only for admins and managers, whatever conversations they may see. */
    boolean staffOnly() {
        return STAFF_ONLY.contains(kind);
    }

    String toJson() {
        if (data != null) {
            return data;
        }
        return "{\"kind\":\"" + kind + "\",\"conversationId\":" + conversationId + "}";
    }
}
