package com.teaminbox.server.agent;

import com.teaminbox.server.Roles;
import com.teaminbox.server.audit.AuditTrail;
import com.teaminbox.server.routing.RoutingService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The people known to the inbox: registers each caller on first sight and keeps their name,
 * roles and last activity current.
 */
@ApplicationScoped
public class AgentDirectory {

    @PersistenceContext(unitName = "inbox")
    private EntityManager em;

    @Inject
    private AuditTrail audit;

    @Inject
    private RoutingService routing;

    @Inject
    private Event<AgentRegistered> registered;

    /**
     * Creates the caller's row if this is their first call, otherwise refreshes it. An upsert,
     * so that two first calls at the same moment cannot create two rows.
     */
    @Transactional
    public void register(Caller caller) {
        boolean nameTaken = !em.createNativeQuery("SELECT 1 FROM agent WHERE username = ?1 AND subject <> ?2")
                .setParameter(1, caller.username()).setParameter(2, caller.subject()).getResultList().isEmpty();
        if (nameTaken) {
            throw new UserNameTaken(caller.username());
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Object[] row = (Object[]) em.createNativeQuery("""
                INSERT INTO agent (subject, username, display_name, email, roles, first_seen_at, last_seen_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)
                ON CONFLICT (subject) DO UPDATE
                   SET username = EXCLUDED.username, display_name = EXCLUDED.display_name,
                       email = EXCLUDED.email, roles = EXCLUDED.roles, last_seen_at = EXCLUDED.last_seen_at
                RETURNING id, (xmax = 0)
                """)
                .setParameter(1, caller.subject())
                .setParameter(2, caller.username())
                .setParameter(3, caller.displayName())
                .setParameter(4, caller.email())
                .setParameter(5, String.join(",", caller.roles()))
                .setParameter(6, now)
                .getSingleResult();
        if (Boolean.TRUE.equals(row[1])) {
            audit.record(caller.username(), "agent.first-seen", "agent", caller.username(), null,
                    "roles=" + String.join(",", caller.roles()));
            registered.fire(new AgentRegistered(((Number) row[0]).longValue(), caller.username()));
        }
    }

    /** The agent row of a caller; CallerRegistration has created it before any resource runs. */
    public long idOf(Caller caller) {
        List<Long> ids = em.createQuery("SELECT a.id FROM Agent a WHERE a.subject = :subject", Long.class)
                .setParameter("subject", caller.subject()).getResultList();
        if (ids.isEmpty()) {
            throw new AgentNotFound(caller.username());
        }
        return ids.get(0);
    }

    /** True when an administrator disabled the person with this token subject (checked on every call). */
    public boolean isDisabled(String subject) {
        return !em.createNativeQuery("SELECT 1 FROM agent WHERE subject = ?1 AND disabled")
                .setParameter(1, subject).getResultList().isEmpty();
    }

    /**
     * The access of each of these agents, as their rows say now, in one query (the open live
     * streams re-check their owners every few seconds). An id without a row is left out.
     */
    @Transactional
    public Map<Long, AgentAccess> access(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT a FROM Agent a WHERE a.id IN :ids", Agent.class).setParameter("ids", ids)
                .getResultList().stream().collect(Collectors.toMap(Agent::id, AgentAccess::of));
    }

    public Agent find(long id) {
        Agent agent = em.find(Agent.class, id);
        if (agent == null) {
            throw new AgentNotFound(Long.toString(id));
        }
        return agent;
    }

    /**
     * Online, away or offline. Coming online frees capacity, so the backlog of the agent's
     * queues is drained in the same transaction.
     */
    @Transactional
    public void changeStatus(Caller caller, AgentStatus status) {
        long id = idOf(caller);
        em.createNativeQuery("UPDATE agent SET status = ?1, status_changed_at = now() WHERE id = ?2")
                .setParameter(1, status.code()).setParameter(2, id).executeUpdate();
        audit.record(caller.username(), "agent.status", "agent", caller.username(), null, "status=" + status.code());
        if (status == AgentStatus.ONLINE) {
            routing.drainBacklogFor(id);
        }
    }

    /** A manager sets how many open conversations routing may give the agent; more room drains the backlog. */
    @Transactional
    public void changeCapacity(String actor, long agentId, int capacity) {
        int changed = em.createNativeQuery("UPDATE agent SET capacity = ?1 WHERE id = ?2")
                .setParameter(1, capacity).setParameter(2, agentId).executeUpdate();
        if (changed == 0) {
            throw new AgentNotFound(Long.toString(agentId));
        }
        audit.record(actor, "agent.capacity", "agent", Long.toString(agentId), null, "capacity=" + capacity);
        routing.drainBacklogFor(agentId);
    }

    /** Display names by agent id, for attributing messages ("Alice Agent"), in one query. */
    @Transactional
    public java.util.Map<Long, String> displayNames(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        return em.createQuery("SELECT a FROM Agent a WHERE a.id IN :ids", Agent.class).setParameter("ids", ids)
                .getResultList().stream().collect(java.util.stream.Collectors.toMap(Agent::id,
                        a -> a.displayName() == null ? a.username() : a.displayName()));
    }

    /**
     * The business accounts a caller works for. A manager or admin works for every account; an
     * agent for the accounts of the queues they serve (agent_queue), the same membership that
     * decides which conversations they see, and of the open conversations assigned to them (a
     * manager may have handed them one from elsewhere: they must be able to answer it).
     */
    public record Accounts(boolean all, Set<Long> ids) {
        public boolean includes(long account) {
            return all || ids.contains(account);
        }
    }

    @Transactional
    public Accounts accountsOf(Caller caller) {
        if (caller.roles().contains(Roles.MANAGER) || caller.roles().contains(Roles.ADMIN)) {
            return new Accounts(true, Set.of());
        }
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("""
                SELECT q.account_id FROM agent_queue aq JOIN queue q ON q.id = aq.queue_id WHERE aq.agent_id = ?1
                 UNION
                SELECT c.account_id FROM conversation c WHERE c.assignee_id = ?1 AND c.status <> 'resolved'""")
                .setParameter(1, idOf(caller)).getResultList();
        return new Accounts(false, ids.stream().map(Number::longValue).collect(Collectors.toUnmodifiableSet()));
    }

    public List<Agent> all() {
        return em.createQuery("SELECT a FROM Agent a ORDER BY a.displayName, a.username", Agent.class).getResultList();
    }
}
