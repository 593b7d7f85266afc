package com.teaminbox.bridge.fanout;

import java.util.Objects;

/** The copy of a message the own account sent to {@code destinationUser}, for the account's other devices. */
public record SentByMe(String destinationUser, MessageContent content) implements FanoutPayload {
    public SentByMe {
        Objects.requireNonNull(destinationUser, "destinationUser");
        Objects.requireNonNull(content, "content");
    }
}
