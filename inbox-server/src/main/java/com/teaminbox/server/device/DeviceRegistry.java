package com.teaminbox.server.device;

import com.teaminbox.server.audit.AuditTrail;
import com.teaminbox.server.device.keys.DeviceKeyVault;
import com.teaminbox.server.routing.RoutingService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The agents' companion devices and their state machine. Every transition is stored with its
 * reason (device_transition) and audited; a device session reports its state here.
 */
@ApplicationScoped
public class DeviceRegistry {

    @PersistenceContext(unitName = "inbox")
    private EntityManager em;

    @Inject
    private AuditTrail audit;

    @Inject
    private RoutingService routing;

    @Inject
    private DeviceKeyVault keys;

    /** Starts linking a new device for the agent on the account; refused if a live one exists. */
    @Transactional
    public long startLinking(long accountId, long agentId, String deviceName, String actor) {
        boolean disabled = !em.createNativeQuery("SELECT 1 FROM agent WHERE id = ?1 AND disabled FOR UPDATE")
                .setParameter(1, agentId).getResultList().isEmpty();
        if (disabled) {
            throw new DeviceTransitionRefused("Agent " + agentId + " is disabled; enable them before linking a device.");
        }
        @SuppressWarnings("unchecked")
        List<Number> created = em.createNativeQuery("""
                INSERT INTO companion_device (account_id, agent_id, state, device_name)
                VALUES (?1, ?2, 'linking', CAST(?3 AS varchar))
                ON CONFLICT (agent_id, account_id) WHERE state NOT IN ('logged_out', 'revoked') DO NOTHING
                RETURNING id
                """).setParameter(1, accountId).setParameter(2, agentId).setParameter(3, deviceName).getResultList();
        if (created.isEmpty()) {
            throw new DeviceTransitionRefused("Agent " + agentId + " already has a device on account " + accountId
                    + "; revoke it before linking another.");
        }
        long id = created.get(0).longValue();
        recordTransition(id, null, DeviceState.LINKING, "link started");
        audit.record(actor, "device.link-started", "device", Long.toString(id), Long.toString(id),
                "account=" + accountId + " agent=" + agentId);
        return id;
    }

    /**
     * Moves the device to {@code target}, if the state machine allows it from the current state.
     * The row is locked so that two reports about one device apply one after the other.
     */
    @Transactional
    public void transition(long deviceId, DeviceState target, String reason, String actor) {
        List<?> rows = em.createNativeQuery("SELECT state, agent_id FROM companion_device WHERE id = ?1 FOR UPDATE")
                .setParameter(1, deviceId).getResultList();
        if (rows.isEmpty()) {
            throw new DeviceNotFound(deviceId);
        }
        Object[] row = (Object[]) rows.get(0);
        DeviceState current = DeviceState.of((String) row[0]);
        long agent = ((Number) row[1]).longValue();
        if (!current.canBecome(target)) {
            throw new DeviceTransitionRefused("Device " + deviceId + " cannot go from " + current.code() + " to " + target.code() + ".");
        }
        em.createNativeQuery("UPDATE companion_device SET state = ?1, state_changed_at = now() WHERE id = ?2")
                .setParameter(1, target.code()).setParameter(2, deviceId).executeUpdate();
        recordTransition(deviceId, current, target, reason);
        audit.record(actor, "device." + target.code(), "device", Long.toString(deviceId), Long.toString(deviceId),
                "from=" + current.code() + " reason=" + reason);
        if (target == DeviceState.LOGGED_OUT || target == DeviceState.REVOKED) {
            // A dead device's keys must not linger; erased in the same transaction as the transition.
            keys.erase(deviceId);
        }
        if (target == DeviceState.CONNECTED) {
            // The agent can now be routed to on this account: their queues' backlog may drain.
            routing.drainBacklogFor(agent);
        }
    }

    private void recordTransition(long deviceId, DeviceState from, DeviceState to, String reason) {
        em.createNativeQuery("""
                INSERT INTO device_transition (device_id, from_state, to_state, reason)
                VALUES (?1, CAST(?2 AS varchar), ?3, ?4)
                """).setParameter(1, deviceId).setParameter(2, from == null ? null : from.code())
                .setParameter(3, to.code()).setParameter(4, reason).executeUpdate();
    }
}
