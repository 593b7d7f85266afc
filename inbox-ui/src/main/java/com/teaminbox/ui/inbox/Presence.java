package com.teaminbox.ui.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Who has a conversation open and who is typing a reply in it, so that two agents do not
 * answer the same customer at once. Kept in this UI server's memory: with several UI servers
 * each knows only its own users (the inbox's data itself stays consistent either way).
 */
final class Presence {

    /** Typing shows for this long after the last keystroke. */
    private static final Duration TYPING = Duration.ofSeconds(6);

    private record Viewer(String name, Instant typingUntil) {
    }

    private static final Map<Long, Map<String, Viewer>> VIEWERS = new ConcurrentHashMap<>();
    private static final Map<Long, CopyOnWriteArrayList<Consumer<String>>> LISTENERS = new ConcurrentHashMap<>();

    private Presence() {
    }

    /** {@code listener} hears the line to show ("Also here: Bob (typing)") whenever it changes. */
    static Runnable enter(long conversation, String user, String displayName, Consumer<String> listener) {
        VIEWERS.computeIfAbsent(conversation, id -> new ConcurrentHashMap<>()).put(user, new Viewer(displayName, Instant.MIN));
        LISTENERS.computeIfAbsent(conversation, id -> new CopyOnWriteArrayList<>()).add(listener);
        announce(conversation);
        return () -> {
            Map<String, Viewer> viewers = VIEWERS.get(conversation);
            if (viewers != null) {
                viewers.remove(user);
            }
            CopyOnWriteArrayList<Consumer<String>> listeners = LISTENERS.get(conversation);
            if (listeners != null) {
                listeners.remove(listener);
            }
            announce(conversation);
        };
    }

    static void typing(long conversation, String user) {
        Map<String, Viewer> viewers = VIEWERS.get(conversation);
        if (viewers == null) {
            return;
        }
        Viewer before = viewers.get(user);
        if (before == null) {
            return;
        }
        boolean wasTyping = before.typingUntil().isAfter(Instant.now());
        viewers.put(user, new Viewer(before.name(), Instant.now().plus(TYPING)));
        if (!wasTyping) {
            announce(conversation);
        }
    }

    /** What {@code user} should see about the others in the conversation; empty when alone. */
    static String others(long conversation, String user) {
        Map<String, Viewer> viewers = VIEWERS.getOrDefault(conversation, Map.of());
        Instant now = Instant.now();
        TreeMap<String, String> shown = new TreeMap<>();
        viewers.forEach((name, viewer) -> {
            if (!name.equals(user)) {
                shown.put(viewer.name(), viewer.name() + (viewer.typingUntil().isAfter(now) ? " (typing a reply)" : ""));
            }
        });
        return shown.isEmpty() ? "" : "Also here: " + String.join(", ", shown.values());
    }

    private static void announce(long conversation) {
        CopyOnWriteArrayList<Consumer<String>> listeners = LISTENERS.get(conversation);
        if (listeners != null) {
            listeners.forEach(listener -> listener.accept(""));
        }
    }
}
