package com.teaminbox.server.conversation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who may see one conversation, read once and then asked for every open event stream: the
 * managers, and the agents of {@link Viewer#AUDIENCE_OF_C} (its assignee, or while unassigned
 * the members of its queue). Nobody at all when there is no such conversation.
 */
public record ConversationAudience(boolean exists, Set<Long> agents) {

    /** From the rows of {@link Viewer#AUDIENCE_OF_C}: one agent id (or NULL) per row. */
    static ConversationAudience of(List<?> rows) {
        Set<Long> agents = new HashSet<>();
        for (Object row : rows) {
            if (row != null) {
                agents.add(((Number) row).longValue());
            }
        }
        return new ConversationAudience(!rows.isEmpty(), Set.copyOf(agents));
    }

    /** {@link Viewer#SEES_C} for one viewer, decided in memory. */
    public boolean includes(Viewer viewer) {
        return exists && (viewer.manager() || agents.contains(viewer.agentId()));
    }
}
