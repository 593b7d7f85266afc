package com.teaminbox.server.routing;

import com.teaminbox.server.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * Gives unassigned conversations to agents.
 *
 * <p>Eligible means: online, not disabled by an administrator, with a companion device {@code connected} on the conversation's
 * account (a reply can only leave from the agent's own device), and fewer open conversations
 * than their capacity. Capacity counts across queues and accounts, so two routings racing for
 * the same agent are serialised by locking that agent's row and re-checking the load after the
 * lock; the assignment itself is a conditional UPDATE that only takes an unassigned conversation.
 * Everything runs in the caller's transaction: ingest opens, routes and stores in one commit.
 */
@ApplicationScoped
public class RoutingService {

    /** The actor named in events and audit entries for automatic decisions. */
    public static final String ROUTING = "routing";
    private static final int MAX_DRAIN_PER_CALL = 500;

    /**
     * An agent {@code a}'s load: their open conversations, across queues and accounts. Capacity
     * is judged against this everywhere (routing, transfers, the transfer targets' list).
     */
    public static final String LOAD_OF_A = """
            (SELECT count(*) FROM conversation o WHERE o.assignee_id = a.id AND o.status <> 'resolved')""";

    /** Shared by every candidate query: the agent may take one more conversation on this account. */
    private static final String ELIGIBLE = """
            a.status = 'online'
            AND NOT a.disabled
            AND EXISTS (SELECT 1 FROM companion_device d
                         WHERE d.agent_id = a.id AND d.account_id = :account AND d.state = 'connected')
            AND """ + LOAD_OF_A + " < a.capacity\n";

    /**
     * The queue {@code q} is within its business hours now, in its own time zone. Each open day
     * has its hours (its own from queue_day_hours, else the queue's); hours that end before they
     * start run over midnight (22:00–02:00), and the part after midnight belongs to the day the
     * shift started: Friday 22:00–02:00 is still open at 01:00 on Saturday, even when Saturday is
     * not an open day.
     */
    static final String QUEUE_OPEN = """
            (q.opens_at IS NULL OR EXISTS (
                SELECT 1
                  FROM (VALUES (0), (1)) AS shift(days_back)
                  CROSS JOIN LATERAL (SELECT EXTRACT(ISODOW FROM (now() AT TIME ZONE q.time_zone)
                                                                 - make_interval(days => shift.days_back))::int AS day,
                                             (now() AT TIME ZONE q.time_zone)::time AS now_at) AS local
                  LEFT JOIN queue_day_hours d ON d.queue_id = q.id AND d.iso_day = local.day
                  CROSS JOIN LATERAL (SELECT COALESCE(d.opens_at, q.opens_at) AS opens,
                                             COALESCE(d.closes_at, q.closes_at) AS closes) AS hours
                 WHERE local.day::text = ANY (string_to_array(q.open_days, ','))
                   AND CASE WHEN shift.days_back = 0
                            THEN local.now_at >= hours.opens AND (local.now_at < hours.closes OR hours.opens > hours.closes)
                            ELSE hours.opens > hours.closes AND local.now_at < hours.closes
                       END))
            """;

    @PersistenceContext(unitName = "inbox")
    private EntityManager em;

    @Inject
    private AuditTrail audit;

    /**
     * Routes one unassigned conversation: first to the contact's previous agent (stickiness),
     * otherwise by the queue's policy. Empty when nobody is eligible: the conversation stays
     * in the backlog until capacity frees.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Long> route(long conversationId) {
        List<?> rows = em.createNativeQuery("""
                SELECT c.account_id, c.contact_id, c.queue_id, q.routing_policy
                  FROM conversation c JOIN queue q ON q.id = c.queue_id
                 WHERE c.id = ?1 AND c.assignee_id IS NULL AND c.status <> 'resolved' AND """ + QUEUE_OPEN)
                .setParameter(1, conversationId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty(); // taken or resolved meanwhile, or the queue is closed: backlog
        }
        Object[] row = (Object[]) rows.get(0);
        long account = ((Number) row[0]).longValue();
        long contact = ((Number) row[1]).longValue();
        long queue = ((Number) row[2]).longValue();
        RoutingPolicy policy = RoutingPolicy.of((String) row[3]);

        Optional<Long> previous = previousAgent(account, contact, conversationId);
        if (previous.isPresent() && tryAssign(conversationId, previous.get(), account, queue, "sticky: the contact's previous agent")) {
            return previous;
        }
        for (long candidate : candidates(account, queue, policy)) {
            if (tryAssign(conversationId, candidate, account, queue, policy.code())) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Capacity freed for this agent (they came online, their device connected, they resolved or
     * handed over a conversation): hand out the backlog of their queues, oldest first, until
     * routing finds nobody for the oldest. Only accounts where the agent's device is connected
     * count: a backlog the agent could never take must not stop the drain.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int drainBacklogFor(long agentId) {
        int routed = 0;
        for (int i = 0; i < MAX_DRAIN_PER_CALL; i++) {
            // SKIP LOCKED: a conversation another transaction is routing right now is theirs.
            @SuppressWarnings("unchecked")
            List<Number> oldest = em.createNativeQuery("""
                    SELECT c.id FROM conversation c JOIN queue q ON q.id = c.queue_id
                     WHERE c.assignee_id IS NULL AND c.status <> 'resolved' AND """ + QUEUE_OPEN + """
                       AND c.queue_id IN (SELECT queue_id FROM agent_queue WHERE agent_id = ?1)
                       AND c.account_id IN (SELECT account_id FROM companion_device
                                             WHERE agent_id = ?1 AND state = 'connected')
                     ORDER BY c.opened_at, c.id
                     LIMIT 1
                     FOR UPDATE OF c SKIP LOCKED
                    """).setParameter(1, agentId).getResultList();
            if (oldest.isEmpty() || route(oldest.get(0).longValue()).isEmpty()) {
                break;
            }
            routed++;
        }
        return routed;
    }

    /**
     * Conversations whose assignee has not replied within the queue's SLA go to another eligible
     * agent of the queue (by its policy, never back to the same agent). With nobody else
     * eligible the conversation stays where it is: a late answer beats no answer. Called by
     * {@link SlaWatch}; returns how many were reassigned.
     */
    @Transactional
    public int reassignOverdue() {
        @SuppressWarnings("unchecked")
        List<Object[]> overdue = em.createNativeQuery("""
                SELECT c.id, c.assignee_id, c.account_id, c.queue_id, q.routing_policy, q.sla_seconds
                  FROM conversation c JOIN queue q ON q.id = c.queue_id
                 WHERE c.status = 'open' AND c.assignee_id IS NOT NULL AND c.first_response_at IS NULL
                   AND q.sla_seconds IS NOT NULL
                   AND c.assigned_at < now() - make_interval(secs => q.sla_seconds)
                 ORDER BY c.assigned_at
                 LIMIT 200
                 FOR UPDATE OF c SKIP LOCKED
                """).getResultList();
        int reassigned = 0;
        for (Object[] row : overdue) {
            long conversation = ((Number) row[0]).longValue();
            long slow = ((Number) row[1]).longValue();
            long account = ((Number) row[2]).longValue();
            long queue = ((Number) row[3]).longValue();
            String why = "no reply within the queue's SLA of " + row[5] + " s";
            for (long candidate : candidates(account, queue, RoutingPolicy.of((String) row[4]))) {
                if (candidate != slow && tryAssign(conversation, slow, candidate, account, queue, "transferred", why)) {
                    // No backlog drain for the slow agent: they are behind already.
                    reassigned++;
                    break;
                }
            }
        }
        return reassigned;
    }

    /**
     * The agent can no longer answer on this account (the network logged their device out):
     * each of their open conversations there goes to another eligible agent of its queue, by
     * the queue's policy, or back to the backlog (unassigned, event "backlogged") when nobody
     * is eligible, to be routed when someone's device connects. Runs in the caller's
     * transaction; returns how many conversations left the agent.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int rerouteFrom(long agentId, long accountId, String why) {
        @SuppressWarnings("unchecked")
        List<Object[]> held = em.createNativeQuery("""
                SELECT c.id, c.queue_id, q.routing_policy
                  FROM conversation c JOIN queue q ON q.id = c.queue_id
                 WHERE c.assignee_id = ?1 AND c.account_id = ?2 AND c.status <> 'resolved'
                 ORDER BY c.opened_at, c.id
                 FOR UPDATE OF c
                """).setParameter(1, agentId).setParameter(2, accountId).getResultList();
        int moved = 0;
        for (Object[] row : held) {
            long conversation = ((Number) row[0]).longValue();
            long queue = ((Number) row[1]).longValue();
            boolean transferred = false;
            for (long candidate : candidates(accountId, queue, RoutingPolicy.of((String) row[2]))) {
                if (candidate != agentId && tryAssign(conversation, agentId, candidate, accountId, queue, "transferred", why)) {
                    transferred = true;
                    break;
                }
            }
            if (!transferred) {
                int released = em.createNativeQuery("""
                        UPDATE conversation SET assignee_id = NULL, assigned_at = NULL
                         WHERE id = ?1 AND assignee_id = ?2 AND status <> 'resolved'
                        """).setParameter(1, conversation).setParameter(2, agentId).executeUpdate();
                if (released == 0) {
                    continue;
                }
                em.createNativeQuery("""
                        INSERT INTO conversation_event (conversation_id, kind, actor, from_agent_id, to_queue_id, reason)
                        VALUES (?1, 'backlogged', ?2, ?3, ?4, ?5)
                        """).setParameter(1, conversation).setParameter(2, ROUTING).setParameter(3, agentId)
                        .setParameter(4, queue).setParameter(5, why).executeUpdate();
                audit.record(ROUTING, "conversation.backlogged", "conversation", Long.toString(conversation), null,
                        "from=" + agentId + " queue=" + queue + " by=" + why);
            }
            moved++;
        }
        return moved;
    }

    /**
     * The automatic reply of a conversation's queue when it is outside business hours now
     * (empty within hours, or when the queue has none). The device session sends it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> outOfHoursReply(long conversationId) {
        @SuppressWarnings("unchecked")
        List<String> reply = em.createNativeQuery("SELECT q.out_of_hours_reply FROM conversation c JOIN queue q ON q.id = c.queue_id"
                        + " WHERE c.id = ?1 AND q.out_of_hours_reply IS NOT NULL AND NOT " + QUEUE_OPEN)
                .setParameter(1, conversationId).getResultList();
        return reply.stream().findFirst();
    }

    private Optional<Long> previousAgent(long account, long contact, long conversationId) {
        @SuppressWarnings("unchecked")
        List<Number> previous = em.createNativeQuery("""
                SELECT assignee_id FROM conversation
                 WHERE account_id = ?1 AND contact_id = ?2 AND id <> ?3 AND assignee_id IS NOT NULL
                 ORDER BY id DESC LIMIT 1
                """).setParameter(1, account).setParameter(2, contact).setParameter(3, conversationId).getResultList();
        return previous.stream().findFirst().map(Number::longValue);
    }

    private List<Long> candidates(long account, long queue, RoutingPolicy policy) {
        String order = switch (policy) {
            case ROUND_ROBIN -> "aq.last_assigned_at ASC NULLS FIRST, a.id";
            case LEAST_BUSY -> """
                    (SELECT count(*) FROM conversation o WHERE o.assignee_id = a.id AND o.status <> 'resolved'),
                    aq.last_assigned_at ASC NULLS FIRST, a.id""";
        };
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT a.id FROM agent a JOIN agent_queue aq ON aq.agent_id = a.id AND aq.queue_id = :queue WHERE "
                        + ELIGIBLE + " ORDER BY " + order)
                .setParameter("queue", queue).setParameter("account", account).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /**
     * Locks the agent, re-checks eligibility now that no other routing can add to their load,
     * and takes the conversation only if it is still unassigned.
     */
    private boolean tryAssign(long conversationId, long agentId, long account, long queue, String why) {
        return tryAssign(conversationId, null, agentId, account, queue, "routed", why);
    }

    /** Takes the conversation for {@code agentId} if it is still held by {@code expectedAssignee} (null: nobody). */
    private boolean tryAssign(long conversationId, Long expectedAssignee, long agentId, long account, long queue, String kind, String why) {
        em.createNativeQuery("SELECT id FROM agent WHERE id = ?1 FOR UPDATE").setParameter(1, agentId).getResultList();
        boolean eligible = !em.createNativeQuery("SELECT a.id FROM agent a WHERE a.id = :agent AND " + ELIGIBLE)
                .setParameter("agent", agentId).setParameter("account", account).getResultList().isEmpty();
        if (!eligible) {
            return false;
        }
        int taken = em.createNativeQuery("""
                UPDATE conversation SET assignee_id = ?1, assigned_at = clock_timestamp()
                 WHERE id = ?2 AND assignee_id IS NOT DISTINCT FROM CAST(?3 AS bigint) AND status <> 'resolved'
                """).setParameter(1, agentId).setParameter(2, conversationId).setParameter(3, expectedAssignee).executeUpdate();
        if (taken == 0) {
            return false;
        }
        // clock_timestamp, not now(): a drain assigns several in one transaction and the
        // round-robin order must see each of them.
        em.createNativeQuery("UPDATE agent_queue SET last_assigned_at = clock_timestamp() WHERE agent_id = ?1 AND queue_id = ?2")
                .setParameter(1, agentId).setParameter(2, queue).executeUpdate();
        em.createNativeQuery("""
                INSERT INTO conversation_event (conversation_id, kind, actor, from_agent_id, to_agent_id, to_queue_id, reason)
                VALUES (?1, ?2, ?3, CAST(?4 AS bigint), ?5, ?6, ?7)
                """).setParameter(1, conversationId).setParameter(2, kind).setParameter(3, ROUTING)
                .setParameter(4, expectedAssignee).setParameter(5, agentId)
                .setParameter(6, queue).setParameter(7, why).executeUpdate();
        audit.record(ROUTING, "conversation." + kind, "conversation", Long.toString(conversationId), null,
                "from=" + expectedAssignee + " agent=" + agentId + " queue=" + queue + " by=" + why);
        return true;
    }
}
