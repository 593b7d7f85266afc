package com.teaminbox.server.device;

import com.teaminbox.server.platform.SqlTimes;
import com.teaminbox.server.device.DeviceResource.DeviceView;
import com.teaminbox.server.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * The reads behind the device screens, each in a transaction of its own: the device endpoints
 * mix them with session work (which runs its own transactions), and an entity manager used
 * outside a transaction does not survive that on Payara.
 */
@ApplicationScoped
@Transactional
public class DeviceHealth {

    @PersistenceContext(unitName = "inbox")
    private EntityManager em;

    public boolean agentExists(long agentId) {
        return em.find(com.teaminbox.server.agent.Agent.class, agentId) != null;
    }

    /** The agent's user name when an administrator disabled them, else null. */
    public String disabledAgent(long agentId) {
        com.teaminbox.server.agent.Agent agent = em.find(com.teaminbox.server.agent.Agent.class, agentId);
        return agent != null && agent.disabled() ? agent.username() : null;
    }

    public List<Object[]> accounts() {
        @SuppressWarnings("unchecked")
        List<Object[]> accounts = em.createNativeQuery("SELECT id, phone_number FROM business_account ORDER BY id").getResultList();
        return accounts;
    }

    /**
     * The account's companion slots in use: what the network reports, reconciled with the
     * inbox's own states. Each device of ours that is alive takes one, a link still waiting for
     * the phone included (it needs its slot the moment the phone approves); one the inbox knows
     * is logged out or revoked takes none, even while a stale device list still names it; each
     * companion the inbox never linked takes one ({@code foreignOnes}, which never holds an
     * address of ours). So a link right after the 14-day rule removed every device is allowed.
     */
    public int usedSlots(long accountId, List<String> foreignOnes) {
        Number ours = (Number) em.createNativeQuery("""
                SELECT count(*) FROM companion_device WHERE account_id = ?1 AND state NOT IN ('logged_out', 'revoked')
                """).setParameter(1, accountId).getSingleResult();
        return ours.intValue() + foreignOnes.size();
    }

    public List<DeviceView> views(Long accountId, Long deviceId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT d.id, d.account_id, d.agent_id, a.display_name, d.state,
                       (SELECT t.reason FROM device_transition t WHERE t.device_id = d.id ORDER BY t.id DESC LIMIT 1),
                       d.device_name, d.platform, d.network_device_id, d.state_changed_at, d.last_seen_at, d.messages_in,
                       (SELECT count(*) FROM message m WHERE m.device_id = d.id AND m.direction = 'outbound')
                  FROM companion_device d JOIN agent a ON a.id = d.agent_id
                 WHERE (CAST(?1 AS bigint) IS NULL OR d.account_id = ?1) AND (CAST(?2 AS bigint) IS NULL OR d.id = ?2)
                 ORDER BY d.account_id, d.agent_id, d.id
                """).setParameter(1, accountId).setParameter(2, deviceId).getResultList();
        return rows.stream().map(r -> new DeviceView(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                ((Number) r[2]).longValue(), (String) r[3], (String) r[4], (String) r[5], (String) r[6], (String) r[7],
                (String) r[8], SqlTimes.instant(r[9]), SqlTimes.instant(r[10]), ((Number) r[11]).longValue(), ((Number) r[12]).longValue()))
                .toList();
    }

    public String businessNumber(long accountId) {
        List<?> numbers = em.createNativeQuery("SELECT phone_number FROM business_account WHERE id = ?1")
                .setParameter(1, accountId).getResultList();
        if (numbers.isEmpty()) {
            throw new ProblemException(404, "There is no business account " + accountId + ".");
        }
        return (String) numbers.get(0);
    }

    /** An agent whose device the network removed in the account's latest mass logout, still without a device there. */
    public record RelinkCandidate(long accountId, String businessNumber, long agentId, String agentName) {
    }

    /**
     * Who "Re-link all" starts a link for: agents who lost a device to the network's removal
     * (primary_device_loss) in the account's latest logout period, are not disabled, and have no
     * live device on the account now (a link already running or done counts as live).
     */
    public List<RelinkCandidate> relinkCandidates(Long accountId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT DISTINCT b.id, b.phone_number, a.id, a.display_name
                  FROM primary_device_loss l
                  JOIN business_account b ON b.id = l.account_id
                  JOIN agent a ON a.id = l.agent_id
                 WHERE (CAST(?1 AS bigint) IS NULL OR l.account_id = ?1)
                   AND l.period_start = (SELECT max(p.period_start) FROM primary_device_loss p WHERE p.account_id = l.account_id)
                   AND NOT a.disabled
                   AND NOT EXISTS (SELECT 1 FROM companion_device d
                                    WHERE d.agent_id = a.id AND d.account_id = b.id AND d.state NOT IN ('logged_out', 'revoked'))
                 ORDER BY b.id, a.display_name, a.id
                """).setParameter(1, accountId).getResultList();
        return rows.stream().map(r -> new RelinkCandidate(((Number) r[0]).longValue(), (String) r[1], ((Number) r[2]).longValue(),
                (String) r[3])).toList();
    }
}
