package com.teaminbox.bridge.fanout;

import java.util.List;

/**
 * A part of the history bundle that the primary sends a newly linked companion: recent messages
 * of its chats, and how far the whole transfer is (100 on the last part). Accepted only from the
 * own account's primary, because only the phone knows the account's past.
 */
public record HistoryChunk(int progressPercent, List<HistoryEntry> entries) implements FanoutPayload {
    public static final int MAX_ENTRIES = 1000;

    public HistoryChunk {
        if (progressPercent < 0 || progressPercent > 100) {
            throw new IllegalArgumentException("progress is a percentage: " + progressPercent);
        }
        if (entries.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("at most " + MAX_ENTRIES + " entries per history chunk");
        }
        entries = List.copyOf(entries);
    }

    @Override
    public String toString() {
        return "HistoryChunk[" + progressPercent + "%, " + entries.size() + " messages]";
    }
}
