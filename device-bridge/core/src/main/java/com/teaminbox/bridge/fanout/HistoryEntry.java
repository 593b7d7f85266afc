package com.teaminbox.bridge.fanout;

import java.util.Objects;

/**
 * One past message in a history bundle. {@code content.chatUser()} is the other user of the
 * chat; {@code sentByMe} says whether the own account wrote it.
 */
public record HistoryEntry(boolean sentByMe, MessageContent content) {
    public HistoryEntry {
        Objects.requireNonNull(content, "content");
    }
}
