package com.teaminbox.server.conversation;

import com.teaminbox.server.routing.RoutingService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Whom a conversation can be handed to: the colleagues who may take it (with what tells the
 * sender whether handing it over is sensible — at their desk, load against capacity, a working
 * device on the conversation's account) and the account's other queues with their backlog.
 * Anyone who may see the conversation may ask; the list itself reveals nothing about
 * conversations the caller cannot see.
 */
@ApplicationScoped
@jakarta.transaction.Transactional // reads too: see ConversationQueries
public class TransferTargets {

    @PersistenceContext(unitName = "inbox")
    private EntityManager em;

    @Inject
    private ConversationQueries queries;

    /**
     * A colleague. {@code canReply}: their device on this account is connected, so a reply would
     * leave at once; {@code servesQueue}: they are a member of the conversation's queue.
     */
    public record AgentTarget(long id, String displayName, String status, long openConversations, int capacity,
                              String deviceState, boolean canReply, boolean servesQueue) {
    }

    public record QueueTarget(long id, String name, long waiting) {
    }

    public record Targets(List<AgentTarget> agents, List<QueueTarget> queues) {
    }

    public Targets of(Viewer viewer, long conversationId) {
        Conversation conversation = queries.get(viewer, conversationId); // 404 when not visible
        @SuppressWarnings("unchecked")
        List<Object[]> agentRows = em.createNativeQuery("""
                SELECT a.id, a.display_name, a.status, a.capacity,
                       (SELECT d.state FROM companion_device d
                         WHERE d.agent_id = a.id AND d.account_id = ?1 AND d.state NOT IN ('logged_out', 'revoked')
                         ORDER BY d.state_changed_at DESC LIMIT 1),
                       EXISTS (SELECT 1 FROM agent_queue aq WHERE aq.agent_id = a.id AND aq.queue_id = ?2),
                       """ + RoutingService.LOAD_OF_A + """
                  FROM agent a
                 WHERE NOT a.disabled
                   AND (',' || a.roles || ',') LIKE '%,agent,%'
                   AND a.id IS DISTINCT FROM CAST(?3 AS bigint)
                 ORDER BY CASE a.status WHEN 'online' THEN 0 WHEN 'away' THEN 1 ELSE 2 END, a.display_name, a.id
                """).setParameter(1, conversation.accountId()).setParameter(2, conversation.queueId())
                .setParameter(3, conversation.assigneeId()).getResultList();
        List<AgentTarget> agents = agentRows.stream().map(r -> new AgentTarget(((Number) r[0]).longValue(), (String) r[1],
                (String) r[2], ((Number) r[6]).longValue(), ((Number) r[3]).intValue(), (String) r[4],
                "connected".equals(r[4]), (Boolean) r[5])).toList();
        @SuppressWarnings("unchecked")
        List<Object[]> queueRows = em.createNativeQuery("""
                SELECT q.id, q.name,
                       (SELECT count(*) FROM conversation w WHERE w.queue_id = q.id AND w.assignee_id IS NULL AND w.status <> 'resolved')
                  FROM queue q
                 WHERE q.account_id = ?1 AND q.id <> ?2
                 ORDER BY q.name, q.id
                """).setParameter(1, conversation.accountId()).setParameter(2, conversation.queueId()).getResultList();
        List<QueueTarget> queues = queueRows.stream()
                .map(r -> new QueueTarget(((Number) r[0]).longValue(), (String) r[1], ((Number) r[2]).longValue())).toList();
        return new Targets(agents, queues);
    }
}
