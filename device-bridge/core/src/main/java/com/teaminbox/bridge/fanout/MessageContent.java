package com.teaminbox.bridge.fanout;

import java.util.Objects;
import java.util.Optional;

/** A chat message as the application sees it: id, chat (the other user), send time, text and an optional attachment. */
public record MessageContent(String messageId, String chatUser, long timestampMillis, String text,
                             Optional<MediaReference> media) implements FanoutPayload {
    public MessageContent {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(chatUser, "chatUser");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(media, "media");
    }

    public static MessageContent text(String messageId, String chatUser, long timestampMillis, String text) {
        return new MessageContent(messageId, chatUser, timestampMillis, text, Optional.empty());
    }

    @Override
    public String toString() {
        return "MessageContent[" + messageId + " in " + chatUser + ", " + text.length() + " chars"
                + media.map(m -> ", with media").orElse("") + "]";
    }
}
