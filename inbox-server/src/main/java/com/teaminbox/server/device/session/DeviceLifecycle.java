package com.teaminbox.server.device.session;

import com.teaminbox.bridge.client.LogoutReason;
import com.teaminbox.server.audit.AuditTrail;
import com.teaminbox.server.device.DeviceRegistry;
import com.teaminbox.server.platform.SqlTimes;
import com.teaminbox.server.primary.NetworkClock;
import com.teaminbox.server.primary.PrimaryPhoneWatch;
import com.teaminbox.server.routing.RoutingService;
import com.teaminbox.server.device.DeviceState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What device sessions report about their devices, recorded as state transitions with reasons.
 * Transactional throughout: the sessions call from the device clients' own threads, where an
 * entity manager outside a transaction is not available.
 */
@ApplicationScoped
@Transactional
public class DeviceLifecycle {

    /** The actor named in the audit for what the network, not a person, did. */
    public static final String NETWORK = "network";

    @PersistenceContext(unitName = "inbox")
    private EntityManager em;

    @Inject
    private DeviceRegistry registry;

    @Inject
    private AuditTrail audit;

    @Inject
    private RoutingService routing;

    @Inject
    private PrimaryPhoneWatch primary;

    @Inject
    private NetworkClock clock;

    /**
     * The device as the inbox knows it: account, agent, state, network address, platform, and
     * when it was last seen connected (this machine's clock; null if it never connected).
     */
    public record DeviceRow(long id, long accountId, long agentId, DeviceState state, String networkAddress,
                            String platform, String businessNumber, Instant lastSeenAt) {
    }

    public Optional<DeviceRow> find(long deviceId) {
        List<?> rows = em.createNativeQuery("""
                SELECT d.id, d.account_id, d.agent_id, d.state, d.network_device_id, d.platform, b.phone_number, d.last_seen_at
                  FROM companion_device d JOIN business_account b ON b.id = d.account_id WHERE d.id = ?1
                """).setParameter(1, deviceId).getResultList();
        return rows.stream().map(r -> (Object[]) r).map(DeviceLifecycle::row).findFirst();
    }

    /** Devices that should be talking to the network: linked once and neither logged out nor revoked. */
    public List<DeviceRow> live() {
        List<?> rows = em.createNativeQuery("""
                SELECT d.id, d.account_id, d.agent_id, d.state, d.network_device_id, d.platform, b.phone_number, d.last_seen_at
                  FROM companion_device d JOIN business_account b ON b.id = d.account_id
                 WHERE d.state IN ('linked', 'connected', 'disconnected') AND d.network_device_id IS NOT NULL
                 ORDER BY d.id
                """).getResultList();
        return rows.stream().map(r -> (Object[]) r).map(DeviceLifecycle::row).toList();
    }

    private static DeviceRow row(Object[] r) {
        return new DeviceRow(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), ((Number) r[2]).longValue(),
                DeviceState.of((String) r[3]), (String) r[4], (String) r[5], (String) r[6],
                r[7] == null ? null : SqlTimes.instant(r[7]));
    }

    /** The inbox's own device with this network address on the account, if it is one of ours. */
    public Long managedDevice(long accountId, String networkAddress) {
        List<?> ids = em.createNativeQuery(
                        "SELECT id FROM companion_device WHERE account_id = ?1 AND network_device_id = ?2 ORDER BY id DESC LIMIT 1")
                .setParameter(1, accountId).setParameter(2, networkAddress).getResultList();
        return ids.isEmpty() ? null : ((Number) ids.get(0)).longValue();
    }

    public void linked(long deviceId, String networkAddress, String platform) {
        em.createNativeQuery("UPDATE companion_device SET network_device_id = ?1, platform = COALESCE(?2, platform) WHERE id = ?3")
                .setParameter(1, networkAddress).setParameter(2, platform).setParameter(3, deviceId).executeUpdate();
        registry.transition(deviceId, DeviceState.LINKED, "linked to the business account as " + networkAddress, NETWORK);
    }

    public void connected(long deviceId) {
        moveIfAllowed(deviceId, DeviceState.CONNECTED, "logged in to the network");
    }

    public void disconnected(long deviceId, String reason) {
        moveIfAllowed(deviceId, DeviceState.DISCONNECTED, reason);
    }

    /**
     * The network logged the device out. The transition says why in words ({@link LogoutCause}).
     * Its agent can no longer answer on this account: they are marked away (unless another of
     * their devices is still connected) and their open conversations on the account are routed
     * to someone else, or back to the backlog. When the 14-day rule struck, the primary phone's
     * watch is told, and the last such device of the account makes an incident. All of it in
     * one transaction with the transition.
     */
    public void loggedOut(long deviceId, LogoutReason wireReason) {
        Optional<DeviceRow> found = find(deviceId);
        if (found.isEmpty()) {
            return;
        }
        DeviceRow device = found.get();
        LogoutCause cause = cause(device, wireReason);
        if (!moveIfAllowed(deviceId, DeviceState.LOGGED_OUT, cause.sentence())) {
            return;
        }
        int stillConnected = ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM companion_device WHERE agent_id = ?1 AND state = 'connected'")
                .setParameter(1, device.agentId()).getSingleResult()).intValue();
        if (stillConnected == 0) {
            int changed = em.createNativeQuery("""
                    UPDATE agent SET status = 'away', status_changed_at = now() WHERE id = ?1 AND status = 'online'
                    """).setParameter(1, device.agentId()).executeUpdate();
            if (changed > 0) {
                audit.record(NETWORK, "agent.status", "agent", Long.toString(device.agentId()), Long.toString(deviceId),
                        "status=away reason=device logged out by the network");
            }
        }
        routing.rerouteFrom(device.agentId(), device.accountId(), "the agent's device was logged out by the network");
        if (cause.fourteenDayRule()) {
            primary.deviceRemoved(device.accountId(), deviceId, device.agentId(), cause.sentence());
        }
    }

    /** The phone's last use and the device's are compared on the network's clock. */
    private LogoutCause cause(DeviceRow device, LogoutReason wireReason) {
        Instant phoneLastUsed = primary.countdown(device.accountId()).map(PrimaryPhoneWatch.Countdown::lastActivityAt)
                .orElse(null);
        // last_seen_at is this machine's time; the offset turns it into the network's
        Instant deviceLastSeen = device.lastSeenAt() == null ? null : device.lastSeenAt().plus(clock.offset());
        return LogoutCause.of(wireReason, phoneLastUsed, deviceLastSeen, clock.now());
    }

    /** A link that failed or expired gives back its device slot; the sentence says why. */
    public void linkFailed(long deviceId, String sentence) {
        moveIfAllowed(deviceId, DeviceState.REVOKED, "link failed: " + sentence);
    }

    /** Messages this device received since the last report, and (while connected) that it was seen now. */
    public void seen(long deviceId, long messagesIn, boolean connected) {
        em.createNativeQuery("""
                UPDATE companion_device SET messages_in = messages_in + ?1,
                       last_seen_at = CASE WHEN ?2 THEN now() ELSE last_seen_at END
                 WHERE id = ?3""").setParameter(1, messagesIn).setParameter(2, connected).setParameter(3, deviceId)
                .executeUpdate();
    }

    /**
     * Reports can repeat (a reconnect right after a connect): a move that is not allowed is
     * skipped. The row lock makes the check and the move one step.
     */
    private boolean moveIfAllowed(long deviceId, DeviceState target, String reason) {
        List<?> state = em.createNativeQuery("SELECT state FROM companion_device WHERE id = ?1 FOR UPDATE")
                .setParameter(1, deviceId).getResultList();
        if (state.isEmpty() || !DeviceState.of((String) state.get(0)).canBecome(target)) {
            return false;
        }
        registry.transition(deviceId, target, reason, NETWORK);
        if (target == DeviceState.CONNECTED || target == DeviceState.DISCONNECTED) {
            em.createNativeQuery("UPDATE companion_device SET last_seen_at = now() WHERE id = ?1")
                    .setParameter(1, deviceId).executeUpdate();
        }
        return true;
    }
}
