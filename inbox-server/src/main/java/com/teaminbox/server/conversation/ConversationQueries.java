package com.teaminbox.server.conversation;

import com.teaminbox.server.platform.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.List;

/** Reading conversations, always through the viewer's visibility. */
@ApplicationScoped
@jakarta.transaction.Transactional // reads too: a request may have run other transactions before (see DeviceHealth)
public class ConversationQueries {

    /** Which conversations a list shows. */
    public enum Scope {
        /** assigned to the viewer */
        MINE,
        /** nobody's yet, in queues the viewer serves (a manager: in any queue) */
        UNASSIGNED,
        /** everything the viewer may see */
        VISIBLE
    }

    @PersistenceContext(unitName = "inbox")
    private EntityManager em;

    public Conversation get(Viewer viewer, long id) {
        Query query = em.createNativeQuery("SELECT c.* FROM conversation c WHERE c.id = :id AND " + Viewer.SEES_C, Conversation.class)
                .setParameter("id", id);
        @SuppressWarnings("unchecked")
        List<Conversation> found = bindViewer(query, viewer).getResultList();
        if (found.isEmpty()) {
            throw new ConversationNotFound(id);
        }
        return found.get(0);
    }

    /** Who may see the conversation: one query, however many viewers then ask. */
    public ConversationAudience audience(long id) {
        return ConversationAudience.of(em.createNativeQuery(Viewer.AUDIENCE_OF_C).setParameter(1, id).getResultList());
    }

    /**
     * Newest first; {@code beforeId} is the cursor (the last id of the previous page), which
     * stays correct while new conversations arrive, unlike an offset.
     */
    public List<Conversation> list(Viewer viewer, Scope scope, ConversationStatus status, Long queueId, Long beforeId, int limit) {
        return list(viewer, scope, status, queueId, null, null, beforeId, limit);
    }

    /**
     * As above, also filtered by {@code search} (the contact's number or name, or a word in a
     * message; case-insensitive) and by a label name.
     */
    public List<Conversation> list(Viewer viewer, Scope scope, ConversationStatus status, Long queueId, String search, String label,
                                   Long beforeId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT c.* FROM conversation c WHERE ").append(Viewer.SEES_C);
        switch (scope) {
            case MINE -> sql.append(" AND c.assignee_id = :me");
            case UNASSIGNED -> sql.append(" AND c.assignee_id IS NULL");
            case VISIBLE -> { }
        }
        if (status != null) {
            sql.append(" AND c.status = :status");
        }
        if (queueId != null) {
            sql.append(" AND c.queue_id = :queue");
        }
        if (beforeId != null) {
            sql.append(" AND c.id < :before");
        }
        if (search != null) {
            // Written as the matching ids first, so that the trigram indexes (V13) find the few
            // matching contacts and messages instead of a scan testing every conversation.
            sql.append(" ").append("""
                     AND (c.contact_id IN (SELECT k.id FROM contact k
                                            WHERE k.phone_number LIKE :search ESCAPE '!' OR k.display_name ILIKE :search ESCAPE '!')
                          OR c.id IN (SELECT m.conversation_id FROM message m WHERE m.body ILIKE :search ESCAPE '!'))""");
        }
        if (label != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM conversation_label cl JOIN label l ON l.id = cl.label_id"
                    + " WHERE cl.conversation_id = c.id AND l.name = :label)");
        }
        sql.append(" ORDER BY c.id DESC LIMIT :limit");
        Query query = bindViewer(em.createNativeQuery(sql.toString(), Conversation.class), viewer).setParameter("limit", limit);
        if (status != null) {
            query.setParameter("status", status.code());
        }
        if (queueId != null) {
            query.setParameter("queue", queueId);
        }
        if (beforeId != null) {
            query.setParameter("before", beforeId);
        }
        if (search != null) {
            // the user's text is data, not a pattern: escape LIKE's wildcards
            query.setParameter("search", "%" + search.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        if (label != null) {
            query.setParameter("label", label);
        }
        @SuppressWarnings("unchecked")
        List<Conversation> page = query.getResultList();
        return page;
    }

    /** Newest first, {@code beforeId} as cursor; 404 unless the viewer sees the conversation. */
    public List<Message> messages(Viewer viewer, long conversationId, Long beforeId, int limit) {
        get(viewer, conversationId);
        return em.createQuery("""
                        SELECT m FROM Message m WHERE m.conversationId = :conversation AND (:before IS NULL OR m.id < :before)
                        ORDER BY m.id DESC
                        """, Message.class)
                .setParameter("conversation", conversationId).setParameter("before", beforeId)
                .setMaxResults(limit).getResultList();
    }

    /** Whether a message is one of a conversation's (its visibility is checked by {@link #get}). */
    public boolean messageBelongsTo(long messageId, long conversationId) {
        return !em.createNativeQuery("SELECT 1 FROM message WHERE id = ?1 AND conversation_id = ?2")
                .setParameter(1, messageId).setParameter(2, conversationId).getResultList().isEmpty();
    }

    /**
     * When the team must answer by, per conversation: the customer's last message plus the
     * queue's SLA, for open conversations whose last customer message has no reply after it.
     * Absent when the queue has no SLA or nobody is waiting for an answer. One query per page.
     */
    public java.util.Map<Long, java.time.Instant> replyDue(java.util.Collection<Long> conversationIds) {
        if (conversationIds.isEmpty()) {
            return java.util.Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT c.id, c.last_customer_message_at + make_interval(secs => q.sla_seconds)
                  FROM conversation c JOIN queue q ON q.id = c.queue_id
                 WHERE c.id IN (:ids) AND q.sla_seconds IS NOT NULL AND c.status <> 'resolved'
                   AND c.last_customer_message_at IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM message m WHERE m.conversation_id = c.id AND m.direction = 'outbound'
                                      AND m.sent_at >= c.last_customer_message_at)
                """).setParameter("ids", conversationIds).getResultList();
        java.util.Map<Long, java.time.Instant> due = new java.util.HashMap<>();
        rows.forEach(r -> due.put(((Number) r[0]).longValue(), SqlTimes.instant(r[1])));
        return due;
    }

    /** Inbound messages the viewer has not read yet, per conversation (absent: none). One query per page. */
    public java.util.Map<Long, Long> unread(Viewer viewer, java.util.Collection<Long> conversationIds) {
        if (conversationIds.isEmpty()) {
            return java.util.Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT m.conversation_id, count(*)
                  FROM message m
                  LEFT JOIN conversation_read r ON r.conversation_id = m.conversation_id AND r.agent_id = :me
                 WHERE m.conversation_id IN (:ids) AND m.direction = 'inbound'
                   AND m.id > COALESCE(r.last_read_message_id, 0)
                 GROUP BY m.conversation_id
                """).setParameter("ids", conversationIds).setParameter("me", viewer.agentId()).getResultList();
        java.util.Map<Long, Long> unread = new java.util.HashMap<>();
        rows.forEach(r -> unread.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue()));
        return unread;
    }

    /** What happened to the conversation (opened, routed, claimed, assigned, transferred, ...), oldest first. */
    public record Event(long id, String kind, String actor, String fromAgent, String toAgent, String fromQueue, String toQueue,
                        String reason, java.time.Instant occurredAt) {
    }

    public List<Event> events(Viewer viewer, long conversationId) {
        get(viewer, conversationId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT e.id, e.kind, e.actor, fa.display_name, ta.display_name, fq.name, tq.name, e.reason, e.occurred_at
                  FROM conversation_event e
                  LEFT JOIN agent fa ON fa.id = e.from_agent_id
                  LEFT JOIN agent ta ON ta.id = e.to_agent_id
                  LEFT JOIN queue fq ON fq.id = e.from_queue_id
                  LEFT JOIN queue tq ON tq.id = e.to_queue_id
                 WHERE e.conversation_id = ?1
                 ORDER BY e.id""").setParameter(1, conversationId).getResultList();
        return rows.stream().map(r -> new Event(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], (String) r[5], (String) r[6], (String) r[7], SqlTimes.instant(r[8]))).toList();
    }

    public List<InternalNote> notes(Viewer viewer, long conversationId) {
        get(viewer, conversationId);
        return em.createQuery("SELECT n FROM InternalNote n WHERE n.conversationId = :conversation ORDER BY n.id", InternalNote.class)
                .setParameter("conversation", conversationId).getResultList();
    }

    /** The label names on a conversation the viewer sees. */
    public List<String> labels(Viewer viewer, long conversationId) {
        get(viewer, conversationId);
        @SuppressWarnings("unchecked")
        List<String> names = em.createNativeQuery("""
                SELECT l.name FROM conversation_label cl JOIN label l ON l.id = cl.label_id
                 WHERE cl.conversation_id = ?1 ORDER BY l.name""").setParameter(1, conversationId).getResultList();
        return names;
    }

    static Query bindViewer(Query query, Viewer viewer) {
        return query.setParameter("me", viewer.agentId()).setParameter("manager", viewer.manager());
    }
}
