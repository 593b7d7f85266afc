package com.teaminbox.server.conversation;

import com.teaminbox.server.agent.AgentNotFound;
import com.teaminbox.server.audit.AuditTrail;
import com.teaminbox.server.queue.QueueNotFound;
import com.teaminbox.server.routing.RoutingService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * What agents and managers do to a conversation: claim, assign, transfer, resolve, reopen,
 * note. Each change is one conditional UPDATE (or a row lock followed by one), so of two
 * people acting at once exactly one wins and the other gets a {@link ConversationConflict};
 * a conversation the actor may not see is a {@link ConversationNotFound}. Every action writes
 * a conversation event (shown inline) and an audit entry in the same transaction.
 */
@ApplicationScoped
public class ConversationActions {

    @PersistenceContext(unitName = "inbox")
    private EntityManager em;

    @Inject
    private AuditTrail audit;

    @Inject
    private RoutingService routing;

    /** Takes an unassigned conversation of one of the viewer's queues. */
    @Transactional
    public void claim(Viewer viewer, long id) {
        Query claim = em.createNativeQuery("""
                UPDATE conversation c SET assignee_id = :me, assigned_at = now()
                 WHERE c.id = :id AND c.assignee_id IS NULL AND c.status <> 'resolved'
                   AND (:manager OR c.queue_id IN (SELECT aq.queue_id FROM agent_queue aq WHERE aq.agent_id = :me))
                """).setParameter("id", id);
        if (ConversationQueries.bindViewer(claim, viewer).executeUpdate() == 0) {
            // The loser of a race must learn it lost (409), so "could I have claimed it" is
            // judged on the queue, not on the conversation's new assignee.
            Object[] state = lockedState(id);
            boolean inMyQueue = viewer.manager() || !em.createNativeQuery(
                            "SELECT 1 FROM agent_queue WHERE agent_id = ?1 AND queue_id = ?2")
                    .setParameter(1, viewer.agentId()).setParameter(2, state[2]).getResultList().isEmpty();
            if (!inMyQueue && !Long.valueOf(viewer.agentId()).equals(state[1])) {
                throw new ConversationNotFound(id);
            }
            throw new ConversationConflict("resolved".equals(state[0])
                    ? "Conversation " + id + " is resolved; reopen it first."
                    : "Conversation " + id + " was claimed by someone else a moment ago.");
        }
        event(id, "claimed", viewer.username(), null, viewer.agentId(), null, null, null);
        audit.record(viewer.username(), "conversation.claimed", "conversation", Long.toString(id), null, "");
    }

    /** A manager gives the conversation to an agent, whoever has it now. */
    @Transactional
    public void assign(Viewer viewer, long id, long agentId) {
        Object[] state = lockedState(id);
        if ("resolved".equals(state[0])) {
            throw new ConversationConflict("Conversation " + id + " is resolved; reopen it first.");
        }
        requireAgent(agentId);
        Long previous = state[1] == null ? null : ((Number) state[1]).longValue();
        em.createNativeQuery("UPDATE conversation SET assignee_id = ?1, assigned_at = now() WHERE id = ?2")
                .setParameter(1, agentId).setParameter(2, id).executeUpdate();
        event(id, "assigned", viewer.username(), previous, agentId, null, null, null);
        audit.record(viewer.username(), "conversation.assigned", "conversation", Long.toString(id), null,
                "from=" + previous + " to=" + agentId);
        freed(previous, agentId);
    }

    /**
     * Hands the conversation to another agent or to another queue of the same account (where
     * routing picks someone, or it waits in that queue's backlog). An agent may transfer what
     * is theirs or unassigned in their queues, and only to a colleague who serves its queue and
     * has room; a manager anything, to any active agent, and that override is audited.
     */
    @Transactional
    public void transfer(Viewer viewer, long id, Long toAgent, Long toQueue, String reason) {
        Object[] state = lockedVisibleState(viewer, id);
        if ("resolved".equals(state[0])) {
            throw new ConversationConflict("Conversation " + id + " is resolved; reopen it first.");
        }
        Long previous = state[1] == null ? null : ((Number) state[1]).longValue();
        long fromQueue = ((Number) state[2]).longValue();
        long account = ((Number) state[3]).longValue();
        String overridden = null;
        if (toAgent != null) {
            requireAgent(toAgent);
            overridden = whyNotTheirs(toAgent, fromQueue);
            if (overridden != null && !viewer.manager()) {
                throw new ConversationConflict(overridden);
            }
            em.createNativeQuery("UPDATE conversation SET assignee_id = ?1, assigned_at = now() WHERE id = ?2")
                    .setParameter(1, toAgent).setParameter(2, id).executeUpdate();
        } else {
            boolean sameAccount = !em.createNativeQuery("SELECT 1 FROM queue WHERE id = ?1 AND account_id = ?2")
                    .setParameter(1, toQueue).setParameter(2, account).getResultList().isEmpty();
            if (!sameAccount) {
                throw new QueueNotFound(toQueue + " on this conversation's account");
            }
            em.createNativeQuery("UPDATE conversation SET queue_id = ?1, assignee_id = NULL, assigned_at = NULL WHERE id = ?2")
                    .setParameter(1, toQueue).setParameter(2, id).executeUpdate();
        }
        event(id, "transferred", viewer.username(), previous, toAgent, fromQueue, toQueue != null ? toQueue : fromQueue, reason);
        audit.record(viewer.username(), "conversation.transferred", "conversation", Long.toString(id), null,
                "from=" + previous + " toAgent=" + toAgent + " toQueue=" + toQueue + (reason == null ? "" : " reason=" + reason));
        if (overridden != null) {
            audit.record(viewer.username(), "conversation.transfer-overridden", "conversation", Long.toString(id), null,
                    "toAgent=" + toAgent + " rule=" + overridden);
        }
        if (toQueue != null) {
            routing.route(id);
        }
        freed(previous, toAgent);
    }

    @Transactional
    public void resolve(Viewer viewer, long id) {
        Query resolve = em.createNativeQuery("""
                UPDATE conversation c SET status = 'resolved', resolved_at = now()
                 WHERE c.id = :id AND c.status <> 'resolved' AND """ + Viewer.SEES_C + " RETURNING c.assignee_id")
                .setParameter("id", id);
        @SuppressWarnings("unchecked")
        List<Object> resolved = ConversationQueries.bindViewer(resolve, viewer).getResultList();
        if (resolved.isEmpty()) {
            lockedVisibleState(viewer, id); // 404 when not visible
            throw new ConversationConflict("Conversation " + id + " is already resolved.");
        }
        Long assignee = resolved.get(0) == null ? null : ((Number) resolved.get(0)).longValue();
        event(id, "resolved", viewer.username(), null, null, null, null, null);
        audit.record(viewer.username(), "conversation.resolved", "conversation", Long.toString(id), null, "");
        freed(assignee, null);
    }

    /** Back to open, with the same assignee; refused while the contact has another open conversation. */
    @Transactional
    public void reopen(Viewer viewer, long id) {
        Query reopen = em.createNativeQuery("""
                UPDATE conversation c SET status = 'open', resolved_at = NULL
                 WHERE c.id = :id AND c.status = 'resolved' AND """ + Viewer.SEES_C + """
                   AND NOT EXISTS (SELECT 1 FROM conversation o
                                    WHERE o.account_id = c.account_id AND o.contact_id = c.contact_id AND o.status <> 'resolved')
                """).setParameter("id", id);
        int reopened;
        try {
            reopened = ConversationQueries.bindViewer(reopen, viewer).executeUpdate();
        } catch (PersistenceException e) {
            // The contact wrote in at this moment and ingest opened a new conversation first.
            throw new ConversationConflict("The contact of conversation " + id + " has another open conversation.");
        }
        if (reopened == 0) {
            Object[] state = lockedVisibleState(viewer, id);
            throw new ConversationConflict(!"resolved".equals(state[0])
                    ? "Conversation " + id + " is not resolved."
                    : "The contact of conversation " + id + " has another open conversation.");
        }
        event(id, "reopened", viewer.username(), null, null, null, null, null);
        audit.record(viewer.username(), "conversation.reopened", "conversation", Long.toString(id), null, "");
    }

    @Transactional
    public long note(Viewer viewer, long id, String body) {
        lockedVisibleState(viewer, id);
        Number note = (Number) em.createNativeQuery(
                        "INSERT INTO internal_note (conversation_id, agent_id, body) VALUES (?1, ?2, ?3) RETURNING id")
                .setParameter(1, id).setParameter(2, viewer.agentId()).setParameter(3, body).getSingleResult();
        audit.record(viewer.username(), "conversation.noted", "conversation", Long.toString(id), null, "note=" + note);
        return note.longValue();
    }

    /**
     * Puts a label on the conversation, creating the label in the conversation's account the
     * first time its name is used. Labelling twice is harmless.
     */
    @Transactional
    public void label(Viewer viewer, long id, String name) {
        Object[] state = lockedVisibleState(viewer, id);
        Number label = (Number) em.createNativeQuery("""
                INSERT INTO label (account_id, name) VALUES (?1, ?2)
                ON CONFLICT (account_id, name) DO UPDATE SET name = EXCLUDED.name
                RETURNING id""").setParameter(1, state[3]).setParameter(2, name).getSingleResult();
        int added = em.createNativeQuery("INSERT INTO conversation_label (conversation_id, label_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, id).setParameter(2, label).executeUpdate();
        if (added > 0) {
            audit.record(viewer.username(), "conversation.labelled", "conversation", Long.toString(id), null, "label=" + name);
        }
    }

    @Transactional
    public void unlabel(Viewer viewer, long id, String name) {
        lockedVisibleState(viewer, id);
        int removed = em.createNativeQuery("""
                DELETE FROM conversation_label cl USING label l
                 WHERE cl.label_id = l.id AND cl.conversation_id = ?1 AND l.name = ?2""")
                .setParameter(1, id).setParameter(2, name).executeUpdate();
        if (removed > 0) {
            audit.record(viewer.username(), "conversation.unlabelled", "conversation", Long.toString(id), null, "label=" + name);
        }
    }

    /** [status, assignee, queue, account] of a conversation that exists, locked; 404 otherwise. */
    private Object[] lockedState(long id) {
        List<?> rows = em.createNativeQuery(
                        "SELECT status, assignee_id, queue_id, account_id FROM conversation WHERE id = ?1 FOR UPDATE")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw new ConversationNotFound(id);
        }
        return (Object[]) rows.get(0);
    }

    /** As {@link #lockedState}, but 404 also when the viewer may not see it. */
    private Object[] lockedVisibleState(Viewer viewer, long id) {
        Query query = em.createNativeQuery("SELECT c.status, c.assignee_id, c.queue_id, c.account_id FROM conversation c WHERE c.id = :id AND "
                + Viewer.SEES_C + " FOR UPDATE").setParameter("id", id);
        List<?> rows = ConversationQueries.bindViewer(query, viewer).getResultList();
        if (rows.isEmpty()) {
            throw new ConversationNotFound(id);
        }
        return (Object[]) rows.get(0);
    }

    /** The agent exists, is not disabled and holds the agent role: only then can they answer a customer. */
    private void requireAgent(long agentId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT display_name, disabled, (',' || roles || ',') LIKE '%,agent,%' FROM agent WHERE id = ?1")
                .setParameter(1, agentId).getResultList();
        if (rows.isEmpty()) {
            throw new AgentNotFound(Long.toString(agentId));
        }
        Object[] agent = rows.get(0);
        if ((Boolean) agent[1]) {
            throw new ConversationConflict(agent[0] + " is disabled and cannot take conversations.");
        }
        if (!(Boolean) agent[2]) {
            throw new ConversationConflict(agent[0] + " does not have the agent role and cannot answer customers.");
        }
    }

    /**
     * Why an agent may not hand a conversation of {@code queue} to this colleague, or null when
     * they may: the colleague must serve the queue and be below capacity (routing's
     * {@link RoutingService#LOAD_OF_A}). A manager may override this, never {@link #requireAgent}.
     */
    private String whyNotTheirs(long agentId, long queue) {
        Object[] row = (Object[]) em.createNativeQuery("""
                SELECT a.display_name, q.name, a.capacity,
                       EXISTS (SELECT 1 FROM agent_queue aq WHERE aq.agent_id = a.id AND aq.queue_id = q.id),
                       """ + RoutingService.LOAD_OF_A + """
                  FROM agent a, queue q WHERE a.id = ?1 AND q.id = ?2""")
                .setParameter(1, agentId).setParameter(2, queue).getSingleResult();
        int capacity = ((Number) row[2]).intValue();
        long load = ((Number) row[4]).longValue();
        if (!(Boolean) row[3]) {
            return row[0] + " does not serve " + row[1] + ".";
        }
        if (load >= capacity) {
            return row[0] + " is at capacity (" + load + " of " + capacity + ").";
        }
        return null;
    }

    /** The previous assignee lost a conversation: their queues' backlog may drain to them. */
    private void freed(Long previous, Long newAssignee) {
        if (previous != null && !previous.equals(newAssignee)) {
            routing.drainBacklogFor(previous);
        }
    }

    private void event(long id, String kind, String actor, Long fromAgent, Long toAgent, Long fromQueue, Long toQueue, String reason) {
        em.createNativeQuery("""
                INSERT INTO conversation_event (conversation_id, kind, actor, from_agent_id, to_agent_id, from_queue_id, to_queue_id, reason)
                VALUES (?1, ?2, ?3, CAST(?4 AS bigint), CAST(?5 AS bigint), CAST(?6 AS bigint), CAST(?7 AS bigint), CAST(?8 AS varchar))
                """).setParameter(1, id).setParameter(2, kind).setParameter(3, actor).setParameter(4, fromAgent)
                .setParameter(5, toAgent).setParameter(6, fromQueue).setParameter(7, toQueue).setParameter(8, reason)
                .executeUpdate();
    }

    /** The viewer has seen everything up to the newest message: their unread count drops to zero. */
    @Transactional
    public void markRead(Viewer viewer, long id) {
        Query visible = em.createNativeQuery("SELECT c.id FROM conversation c WHERE c.id = :id AND " + Viewer.SEES_C)
                .setParameter("id", id);
        if (ConversationQueries.bindViewer(visible, viewer).getResultList().isEmpty()) {
            throw new ConversationNotFound(id);
        }
        em.createNativeQuery("""
                INSERT INTO conversation_read (agent_id, conversation_id, last_read_message_id)
                SELECT ?1, ?2, COALESCE(max(id), 0) FROM message WHERE conversation_id = ?2
                ON CONFLICT (agent_id, conversation_id)
                DO UPDATE SET last_read_message_id = GREATEST(conversation_read.last_read_message_id, EXCLUDED.last_read_message_id),
                              read_at = now()
                """).setParameter(1, viewer.agentId()).setParameter(2, id).executeUpdate();
    }
}
