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

    /**
     * The same rule turned around, for the live event stream: the agents who see conversation
     * {@code ?1} besides the managers — its assignee, or while it is unassigned the members of
     * its queue — one row each; one row with NULL when that is nobody, no row when there is no
     * such conversation. {@link ConversationAudience} reads the rows. Change both together.
     */
    static final String AUDIENCE_OF_C = """
            SELECT COALESCE(c.assignee_id, aq.agent_id)
              FROM conversation c
              LEFT JOIN agent_queue aq ON c.assignee_id IS NULL AND aq.queue_id = c.queue_id
             WHERE c.id = ?1
            """;
}
