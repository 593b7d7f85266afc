package com.teaminbox.server.agent.admin;

import com.teaminbox.server.platform.SqlTimes;
import com.teaminbox.server.Roles;
import com.teaminbox.server.agent.AgentNotFound;
import com.teaminbox.server.audit.AuditTrail;
import com.teaminbox.server.device.DeviceRegistry;
import com.teaminbox.server.device.DeviceState;
import com.teaminbox.server.queue.QueueNotFound;
import com.teaminbox.server.routing.RoutingService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The inbox side of agent administration: the agent row, queue memberships, devices and
 * conversations, each change in one transaction with its audit entries. Keycloak is not
 * called from here ({@link AgentAdministration} orders the two and compensates). Reads run in a
 * transaction of their own too: the resource mixes them with the device sessions' work.
 */
@ApplicationScoped
@Transactional
public class AgentRecords {

    @PersistenceContext(unitName = "inbox")
    private EntityManager em;

    @Inject
    private AuditTrail audit;

    @Inject
    private RoutingService routing;

    @Inject
    private DeviceRegistry devices;

    /** The parts of an agent row administration decides on. */
    public record Snapshot(long id, String subject, String username, String displayName, int capacity,
                           boolean disabled, Set<Long> queueIds) {
    }

    public record QueueRef(long id, String name, long accountId) {
    }

    /** The agent's device on one business account: the live one, else the last one. */
    public record DeviceRef(long accountId, long deviceId, String state, Instant stateChangedAt) {
    }

    public record AgentRow(long id, String username, String displayName, String email, List<String> roles, int capacity,
                           String status, boolean disabled, Instant disabledAt, String disabledReason,
                           List<QueueRef> queues, List<DeviceRef> devices) {
    }

    public boolean usernameTaken(String username) {
        return !em.createNativeQuery("SELECT 1 FROM agent WHERE username = ?1").setParameter(1, username)
                .getResultList().isEmpty();
    }

    /** 404 naming the first queue that does not exist. */
    public void requireQueues(Collection<Long> queueIds) {
        if (queueIds.isEmpty()) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Number> found = em.createNativeQuery("SELECT id FROM queue WHERE id = ANY (CAST(?1 AS bigint[]))")
                .setParameter(1, arrayLiteral(queueIds)).getResultList();
        Set<Long> existing = new TreeSet<>(found.stream().map(Number::longValue).toList());
        for (long id : new TreeSet<>(queueIds)) {
            if (!existing.contains(id)) {
                throw new QueueNotFound(id);
            }
        }
    }

    public Snapshot snapshot(long id) {
        List<?> rows = em.createNativeQuery("SELECT subject, username, display_name, capacity, disabled FROM agent WHERE id = ?1")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw new AgentNotFound(Long.toString(id));
        }
        Object[] row = (Object[]) rows.get(0);
        return new Snapshot(id, (String) row[0], (String) row[1], (String) row[2], ((Number) row[3]).intValue(),
                (Boolean) row[4], queuesOf(id));
    }

    /** The new agent's row (offline, role agent) and queue memberships. */
    @Transactional
    public long insert(String actor, String subject, String username, String displayName, String email, int capacity,
                       Collection<Long> queueIds) {
        requireQueues(queueIds);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        long id = ((Number) em.createNativeQuery("""
                INSERT INTO agent (subject, username, display_name, email, roles, first_seen_at, last_seen_at, capacity, status)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7, 'offline')
                RETURNING id
                """).setParameter(1, subject).setParameter(2, username).setParameter(3, displayName)
                .setParameter(4, email).setParameter(5, Roles.AGENT).setParameter(6, now).setParameter(7, capacity)
                .getSingleResult()).longValue();
        for (long queue : new TreeSet<>(queueIds)) {
            em.createNativeQuery("INSERT INTO agent_queue (agent_id, queue_id) VALUES (?1, ?2)")
                    .setParameter(1, id).setParameter(2, queue).executeUpdate();
        }
        audit.record(actor, "agent.created", "agent", username, null,
                "id=" + id + " subject=" + subject + " displayName=" + displayName + " capacity=" + capacity
                        + " queues=" + new TreeSet<>(queueIds) + " roles=" + Roles.AGENT);
        return id;
    }

    /** Changes what is given (null: unchanged); audited with before and after. */
    @Transactional
    public void edit(String actor, long id, Integer capacity, Collection<Long> queueIds, String displayName) {
        lock(id);
        Snapshot before = snapshot(id);
        List<String> changes = new ArrayList<>();
        if (capacity != null && capacity != before.capacity()) {
            em.createNativeQuery("UPDATE agent SET capacity = ?1 WHERE id = ?2").setParameter(1, capacity).setParameter(2, id)
                    .executeUpdate();
            changes.add("capacity: " + before.capacity() + " -> " + capacity);
        }
        if (displayName != null && !displayName.equals(before.displayName())) {
            em.createNativeQuery("UPDATE agent SET display_name = ?1 WHERE id = ?2").setParameter(1, displayName)
                    .setParameter(2, id).executeUpdate();
            changes.add("displayName: '" + before.displayName() + "' -> '" + displayName + "'");
        }
        if (queueIds != null) {
            Set<Long> wanted = new TreeSet<>(queueIds);
            if (!wanted.equals(before.queueIds())) {
                requireQueues(wanted);
                em.createNativeQuery("DELETE FROM agent_queue WHERE agent_id = ?1 AND NOT (queue_id = ANY (CAST(?2 AS bigint[])))")
                        .setParameter(1, id).setParameter(2, arrayLiteral(wanted)).executeUpdate();
                for (long queue : wanted) {
                    em.createNativeQuery("INSERT INTO agent_queue (agent_id, queue_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                            .setParameter(1, id).setParameter(2, queue).executeUpdate();
                }
                changes.add("queues: " + before.queueIds() + " -> " + wanted);
            }
        }
        if (changes.isEmpty()) {
            return;
        }
        audit.record(actor, "agent.edited", "agent", before.username(), null, "id=" + id + " " + String.join("; ", changes));
        // More capacity or another queue may let the backlog drain to this agent (never when disabled: routing skips them).
        routing.drainBacklogFor(id);
    }

    /**
     * Marks the agent disabled and offline, revokes every live device (their keys are erased
     * with the transition) and hands every open conversation back to its queue, where routing
     * tries another agent at once. Returns the revoked devices, whose sessions the caller stops
     * after the commit.
     */
    @Transactional
    public List<Long> disable(String actor, long id, String reason, boolean inKeycloak) {
        lock(id);
        Snapshot agent = snapshot(id);
        if (agent.disabled()) {
            throw new AgentStateConflict("Agent " + agent.username() + " is already disabled.");
        }
        em.createNativeQuery("""
                UPDATE agent SET disabled = true, disabled_at = now(), disabled_reason = ?1,
                                 status = 'offline', status_changed_at = now()
                 WHERE id = ?2
                """).setParameter(1, reason).setParameter(2, id).executeUpdate();

        @SuppressWarnings("unchecked")
        List<Number> live = em.createNativeQuery("""
                SELECT id FROM companion_device WHERE agent_id = ?1 AND state NOT IN ('logged_out', 'revoked') ORDER BY id
                """).setParameter(1, id).getResultList();
        List<Long> revoked = live.stream().map(Number::longValue).toList();
        for (long device : revoked) {
            devices.transition(device, DeviceState.REVOKED, "agent disabled: " + reason, actor);
        }

        @SuppressWarnings("unchecked")
        List<Object[]> returned = em.createNativeQuery("""
                UPDATE conversation SET assignee_id = NULL, assigned_at = NULL
                 WHERE assignee_id = ?1 AND status <> 'resolved'
                RETURNING id, queue_id
                """).setParameter(1, id).getResultList();
        List<Long> conversations = new ArrayList<>();
        for (Object[] row : returned) {
            long conversation = ((Number) row[0]).longValue();
            long queue = ((Number) row[1]).longValue();
            conversations.add(conversation);
            em.createNativeQuery("""
                    INSERT INTO conversation_event (conversation_id, kind, actor, from_agent_id, from_queue_id, to_queue_id, reason)
                    VALUES (?1, 'backlogged', ?2, ?3, ?4, ?4, ?5)
                    """).setParameter(1, conversation).setParameter(2, actor).setParameter(3, id).setParameter(4, queue)
                    .setParameter(5, "agent disabled: " + reason).executeUpdate();
            audit.record(actor, "conversation.backlogged", "conversation", Long.toString(conversation), null,
                    "from=" + id + " queue=" + queue + " reason=agent disabled");
        }
        audit.record(actor, "agent.disabled", "agent", agent.username(), null,
                "id=" + id + " reason=" + reason + " keycloak=" + (inKeycloak ? "disabled" : "no such user")
                        + " devicesRevoked=" + revoked + " conversationsReturned=" + conversations);
        conversations.sort(null);
        for (long conversation : conversations) {
            routing.route(conversation);
        }
        return revoked;
    }

    /** Lifts the flag; devices stay revoked (a new one must be linked). */
    @Transactional
    public void enable(String actor, long id, boolean inKeycloak) {
        lock(id);
        Snapshot agent = snapshot(id);
        if (!agent.disabled()) {
            throw new AgentStateConflict("Agent " + agent.username() + " is not disabled.");
        }
        em.createNativeQuery("UPDATE agent SET disabled = false, disabled_at = NULL, disabled_reason = NULL WHERE id = ?1")
                .setParameter(1, id).executeUpdate();
        audit.record(actor, "agent.enabled", "agent", agent.username(), null,
                "id=" + id + " keycloak=" + (inKeycloak ? "enabled" : "no such user"));
    }

    public boolean isDisabled(long id) {
        return snapshot(id).disabled();
    }

    public List<AgentRow> all() {
        return rows("", null);
    }

    public AgentRow one(long id) {
        List<AgentRow> rows = rows("WHERE a.id = ?1", id);
        if (rows.isEmpty()) {
            throw new AgentNotFound(Long.toString(id));
        }
        return rows.get(0);
    }

    private List<AgentRow> rows(String where, Long id) {
        var query = em.createNativeQuery("""
                SELECT a.id, a.username, a.display_name, a.email, a.roles, a.capacity, a.status, a.disabled,
                       a.disabled_at, a.disabled_reason
                  FROM agent a
                """ + where + " ORDER BY a.display_name, a.username");
        if (id != null) {
            query.setParameter(1, id);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> agents = query.getResultList();
        Map<Long, List<QueueRef>> queues = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> memberships = em.createNativeQuery("""
                SELECT aq.agent_id, q.id, q.name, q.account_id FROM agent_queue aq JOIN queue q ON q.id = aq.queue_id
                 ORDER BY q.account_id, q.name
                """).getResultList();
        for (Object[] m : memberships) {
            queues.computeIfAbsent(((Number) m[0]).longValue(), k -> new ArrayList<>())
                    .add(new QueueRef(((Number) m[1]).longValue(), (String) m[2], ((Number) m[3]).longValue()));
        }
        Map<Long, List<DeviceRef>> devicesByAgent = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> deviceRows = em.createNativeQuery("""
                SELECT DISTINCT ON (agent_id, account_id) agent_id, account_id, id, state, state_changed_at
                  FROM companion_device
                 ORDER BY agent_id, account_id, (state NOT IN ('logged_out', 'revoked')) DESC, id DESC
                """).getResultList();
        for (Object[] d : deviceRows) {
            devicesByAgent.computeIfAbsent(((Number) d[0]).longValue(), k -> new ArrayList<>())
                    .add(new DeviceRef(((Number) d[1]).longValue(), ((Number) d[2]).longValue(), (String) d[3], SqlTimes.instant(d[4])));
        }
        List<AgentRow> result = new ArrayList<>();
        for (Object[] a : agents) {
            long agentId = ((Number) a[0]).longValue();
            String roles = (String) a[4];
            result.add(new AgentRow(agentId, (String) a[1], (String) a[2], (String) a[3],
                    roles == null || roles.isBlank() ? List.of() : Arrays.asList(roles.split(",")),
                    ((Number) a[5]).intValue(), (String) a[6], (Boolean) a[7], SqlTimes.instant(a[8]), (String) a[9],
                    queues.getOrDefault(agentId, List.of()), devicesByAgent.getOrDefault(agentId, List.of())));
        }
        return result;
    }

    private Set<Long> queuesOf(long id) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT queue_id FROM agent_queue WHERE agent_id = ?1")
                .setParameter(1, id).getResultList();
        return new TreeSet<>(ids.stream().map(Number::longValue).toList());
    }

    private void lock(long id) {
        if (em.createNativeQuery("SELECT id FROM agent WHERE id = ?1 FOR UPDATE").setParameter(1, id).getResultList().isEmpty()) {
            throw new AgentNotFound(Long.toString(id));
        }
    }

    private static String arrayLiteral(Collection<Long> ids) {
        StringBuilder literal = new StringBuilder("{");
        for (Long id : ids) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            literal.append(id.longValue());
        }
        return literal.append('}').toString();
    }
}
