package com.teaminbox.server.conversation;

/**
 * Who is looking at or acting on conversations. An agent sees the conversations assigned to
 * them and the unassigned ones of their queues; a manager sees and acts on all.
 */
public record Viewer(long agentId, String username, boolean manager) {

    /**
     * The visibility rule as SQL over a conversation aliased {@code c}, with parameters
     * {@code :me} and {@code :manager}. Every read and every conditional UPDATE uses it, so
     * that the rule cannot differ between listing and acting.
     */
    public static final String SEES_C = """
            (:manager OR c.assignee_id = :me
               OR (c.assignee_id IS NULL AND c.queue_id IN (SELECT aq.queue_id FROM agent_queue aq WHERE aq.agent_id = :me)))
            """;
}
