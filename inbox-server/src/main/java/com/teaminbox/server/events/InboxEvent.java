package com.teaminbox.server.events;

import jakarta.json.JsonObject;

/**
 * Something changed. Usually in a conversation: the conversation itself, one of its messages
 * or its notes; such an event carries no content, only what to re-read. The other kind is
 * {@value #PRIMARY_PHONE}: a warning, incident or recovery of the business's primary phone,
 * meant for admins and managers only; its data is the notification's own JSON (account,
 * thresholds, time left; never a secret).
 */
public record InboxEvent(String kind, long conversationId, String data) {

    /** The banner event about the primary phone (see the primary package). */
    public static final String PRIMARY_PHONE = "primary-phone";

    /** Parses the payload, e.g. {"kind" : "message", "conversationId" : 42}. */
    static InboxEvent parse(String payload) {
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(payload))) {
            JsonObject json = reader.readObject();
            String kind = json.getString("kind");
            if (PRIMARY_PHONE.equals(kind)) {
                return new InboxEvent(kind, 0, json.toString());
            }
            return new InboxEvent(kind, json.getJsonNumber("conversationId").longValue(), null);
        }
    }

    /** Only for admins and managers, whatever conversations they may see. */
    boolean staffOnly() {
        return PRIMARY_PHONE.equals(kind);
    }

    String toJson() {
        if (data != null) {
            return data;
        }
        return "{\"kind\":\"" + kind + "\",\"conversationId\":" + conversationId + "}";
    }
}
