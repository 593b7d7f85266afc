package com.teaminbox.server.events;

/**
 * Something changed in a conversation: the conversation itself, one of its messages or its
 * notes. Carries no content, only what to re-read.
 */
public record InboxEvent(String kind, long conversationId) {

    /** Parses the trigger's payload, e.g. {"kind" : "message", "conversationId" : 42}. */
    static InboxEvent parse(String payload) {
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(payload))) {
            var json = reader.readObject();
            return new InboxEvent(json.getString("kind"), json.getJsonNumber("conversationId").longValue());
        }
    }

    String toJson() {
        return "{\"kind\":\"" + kind + "\",\"conversationId\":" + conversationId + "}";
    }
}
