package com.teaminbox.server.primary;

import com.teaminbox.server.platform.SqlTimes;

import com.teaminbox.server.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * The primary phone's countdown per business account, kept in the database so that every
 * inbox-server instance sees the same: the last sign of activity (which starts the current
 * activity period), the warnings raised in the period (once each, by a unique constraint) and
 * the incident when the network logged every companion out anyway. All times are the
 * network's ({@link NetworkClock}).
 */
@ApplicationScoped
public class PrimaryPhoneWatch {

    private static final Logger LOG = Logger.getLogger(PrimaryPhoneWatch.class.getName());
    /** Serialises the "was that the last device?" decision per account (pg_advisory_xact_lock(key, account)). */
    private static final int INCIDENT_LOCK = 0x7072696d; // "prim"

    /** Where the countdown stands for one account. */
    public record Countdown(long accountId, String phoneNumber, String accountName, Instant lastActivityAt, String lastSource,
                            Instant logoutAt, Duration timeLeft) {
    }

    /** What to do when the logout came anyway. */
    static final List<String> RECOVERY = List.of(
            "Use the business's primary phone now (open the messaging app, read or send a message): it restarts the 14-day clock.",
            "Re-link each agent's companion device: Devices, Link device (QR code or pairing code), scanned with the primary phone.",
            "Check the agents' status: agents whose device was logged out were set to away; they come back online after re-linking.",
            "Conversations of those agents went back to routing (or the backlog); check the backlog once devices are connected.");

    static final List<String> WARNING_STEPS = List.of(
            "Use the business's primary phone (open the messaging app, read or send a message) before the time runs out.",
            "Make sure the phone is switched on and online: the inbox probes it regularly and sees its answer.",
            "The warning clears by itself as soon as the inbox sees the phone in use again.");

    @PersistenceContext(unitName = "inbox")
    private EntityManager em;

    @Inject
    private NetworkClock clock;

    @Inject
    private PrimaryPhoneSettings settings;

    @Inject
    private AlertOutbox alerts;

    @Inject
    private AuditTrail audit;

    /**
     * A companion saw the primary in use (source: a {@code PrimaryActivitySource} name, or
     * LINK_APPROVED when the phone approved a link). Later than the last known activity → a
     * new activity period begins; if the old one had warnings, the banner is told it is over.
     */
    @Transactional
    public void observed(long accountId, Long deviceId, String source) {
        Instant at = clock.now();
        List<?> previous = em.createNativeQuery("SELECT last_activity_at FROM primary_activity WHERE account_id = ?1 FOR UPDATE")
                .setParameter(1, accountId).getResultList();
        em.createNativeQuery("""
                INSERT INTO primary_activity_observation (account_id, observed_at, source, device_id)
                VALUES (?1, ?2, ?3, CAST(?4 AS bigint))
                """).setParameter(1, accountId).setParameter(2, timestamp(at)).setParameter(3, source)
                .setParameter(4, deviceId).executeUpdate();
        em.createNativeQuery("""
                DELETE FROM primary_activity_observation WHERE account_id = ?1 AND id <= (
                    SELECT id FROM primary_activity_observation WHERE account_id = ?1 ORDER BY id DESC OFFSET ?2 LIMIT 1)
                """).setParameter(1, accountId).setParameter(2, settings.historySize()).executeUpdate();
        if (previous.isEmpty()) {
            em.createNativeQuery("""
                    INSERT INTO primary_activity (account_id, last_activity_at, last_source, last_device_id)
                    VALUES (?1, ?2, ?3, CAST(?4 AS bigint)) ON CONFLICT (account_id) DO NOTHING
                    """).setParameter(1, accountId).setParameter(2, timestamp(at)).setParameter(3, source)
                    .setParameter(4, deviceId).executeUpdate();
            return;
        }
        Instant last = SqlTimes.instant(previous.get(0));
        if (!at.isAfter(last)) {
            return;
        }
        em.createNativeQuery("""
                UPDATE primary_activity SET last_activity_at = ?1, last_source = ?2, last_device_id = CAST(?3 AS bigint),
                       updated_at = now() WHERE account_id = ?4
                """).setParameter(1, timestamp(at)).setParameter(2, source).setParameter(3, deviceId)
                .setParameter(4, accountId).executeUpdate();
        long warned = ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM primary_warning WHERE account_id = ?1 AND period_start = ?2")
                .setParameter(1, accountId).setParameter(2, timestamp(last)).getSingleResult()).longValue();
        if (warned > 0) {
            Countdown now = countdown(accountId).orElseThrow();
            LOG.info(() -> "Primary phone of account " + accountId + " active again (" + source + "); warnings cleared");
            audit.record("network", "primary.resumed", "account", Long.toString(accountId), null, "source=" + source);
            alerts.raise(alert(PrimaryAlert.RESUMED, now, List.of(), at, null, null));
        }
    }

    /**
     * One round of the monitor: for each account whose companions could be logged out, the
     * thresholds of time left crossed in this activity period and not yet raised are raised
     * now, together in one alert. Nothing is raised once no time is left: then the logout is
     * due and the incident tells the rest.
     */
    @Transactional
    public int check() {
        Instant now = clock.now();
        int raised = 0;
        for (Countdown countdown : watched(now)) {
            Duration left = countdown.timeLeft();
            if (left.isNegative() || left.isZero()) {
                continue;
            }
            List<String> crossed = new ArrayList<>();
            for (Duration threshold : settings.thresholds()) {
                if (left.compareTo(threshold) > 0) {
                    continue;
                }
                int inserted = em.createNativeQuery("""
                        INSERT INTO primary_warning (account_id, period_start, threshold, threshold_seconds, time_left_seconds, raised_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT ON CONSTRAINT primary_warning_once_per_period DO NOTHING
                        """).setParameter(1, countdown.accountId()).setParameter(2, timestamp(countdown.lastActivityAt()))
                        .setParameter(3, PrimaryPhoneSettings.label(threshold)).setParameter(4, threshold.toSeconds())
                        .setParameter(5, left.toSeconds()).setParameter(6, timestamp(now)).executeUpdate();
                if (inserted == 1) {
                    crossed.add(PrimaryPhoneSettings.label(threshold));
                }
            }
            if (!crossed.isEmpty()) {
                raised++;
                LOG.warning(() -> "Primary phone of account " + countdown.accountId() + " unused since "
                        + countdown.lastActivityAt() + ": " + left + " left; warning " + crossed);
                audit.record("network", "primary.warning", "account", Long.toString(countdown.accountId()), null,
                        "thresholds=" + String.join(",", crossed) + " left=" + left.toSeconds() + "s");
                alerts.raise(alert(PrimaryAlert.WARNING, countdown, crossed, now, null, WARNING_STEPS));
            }
        }
        return raised;
    }

    /**
     * The network's 14-day rule removed a companion, reported in the transaction that moved it
     * to logged out, with the reason in words. When it was the account's last live device, the
     * logout came anyway: the incident is recorded (once per activity period) and alerted.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void deviceRemoved(long accountId, long deviceId, long agentId, String reason) {
        em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?1, CAST(?2 AS int))) l")
                .setParameter(1, INCIDENT_LOCK).setParameter(2, accountId).getResultList();
        Instant now = clock.now();
        List<?> last = em.createNativeQuery("SELECT last_activity_at FROM primary_activity WHERE account_id = ?1")
                .setParameter(1, accountId).getResultList();
        Instant periodStart = last.isEmpty() ? Instant.EPOCH : SqlTimes.instant(last.get(0));
        em.createNativeQuery("""
                INSERT INTO primary_device_loss (account_id, device_id, agent_id, period_start, logged_out_at, reason)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (device_id) DO NOTHING
                """).setParameter(1, accountId).setParameter(2, deviceId).setParameter(3, agentId)
                .setParameter(4, timestamp(periodStart)).setParameter(5, timestamp(now)).setParameter(6, reason).executeUpdate();
        long live = ((Number) em.createNativeQuery("""
                SELECT count(*) FROM companion_device WHERE account_id = ?1 AND state IN ('linking', 'linked', 'connected', 'disconnected')
                """).setParameter(1, accountId).getSingleResult()).longValue();
        if (live > 0) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> lost = em.createNativeQuery("""
                SELECT l.device_id, a.username, d.device_name, l.logged_out_at, l.reason
                  FROM primary_device_loss l JOIN agent a ON a.id = l.agent_id JOIN companion_device d ON d.id = l.device_id
                 WHERE l.account_id = ?1 AND l.period_start = ?2 ORDER BY l.device_id
                """).setParameter(1, accountId).setParameter(2, timestamp(periodStart)).getResultList();
        JsonArrayBuilder devices = Json.createArrayBuilder();
        for (Object[] row : lost) {
            devices.add(Json.createObjectBuilder().add("deviceId", ((Number) row[0]).longValue())
                    .add("agent", (String) row[1]).add("name", row[2] == null ? "" : (String) row[2])
                    .add("loggedOutAt", SqlTimes.instant(row[3]).toString()).add("reason", (String) row[4]));
        }
        JsonArray deviceList = devices.build();
        int recorded = em.createNativeQuery("""
                INSERT INTO primary_incident (account_id, period_start, occurred_at, devices, recovery)
                VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT ON CONSTRAINT primary_incident_once_per_period DO NOTHING
                """).setParameter(1, accountId).setParameter(2, timestamp(periodStart)).setParameter(3, timestamp(now))
                .setParameter(4, deviceList.toString()).setParameter(5, String.join("\n", RECOVERY)).executeUpdate();
        if (recorded == 0) {
            return;
        }
        LOG.severe(() -> "Every companion device of account " + accountId + " was logged out by the network "
                + "(primary phone unused since " + periodStart + "): incident recorded");
        audit.record("network", "primary.incident", "account", Long.toString(accountId), null,
                "devices=" + lost.size() + " last-activity=" + periodStart);
        Countdown countdown = countdown(accountId).orElse(new Countdown(accountId, "", "", null, null, null, Duration.ZERO));
        alerts.raise(alert(PrimaryAlert.INCIDENT, countdown, List.of(), now, deviceList, RECOVERY));
    }

    /**
     * Accounts with a live companion whose phone has not been seen since {@code quietSince}
     * (or never): the ones worth a probe.
     */
    @SuppressWarnings("unchecked")
    @Transactional
    public java.util.Set<Long> quietAccounts(Duration quietFor) {
        Instant since = clock.now().minus(quietFor);
        List<Number> ids = em.createNativeQuery("""
                SELECT DISTINCT d.account_id FROM companion_device d LEFT JOIN primary_activity p ON p.account_id = d.account_id
                 WHERE d.state IN ('linked', 'connected', 'disconnected') AND (p.account_id IS NULL OR p.last_activity_at < ?1)
                """).setParameter(1, timestamp(since)).getResultList();
        return ids.stream().map(Number::longValue).collect(java.util.stream.Collectors.toSet());
    }

    /** The countdown of every account with a live companion device (nothing to lose otherwise). */
    @SuppressWarnings("unchecked")
    List<Countdown> watched(Instant now) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT p.account_id, b.phone_number, b.display_name, p.last_activity_at, p.last_source
                  FROM primary_activity p JOIN business_account b ON b.id = p.account_id
                 WHERE EXISTS (SELECT 1 FROM companion_device d WHERE d.account_id = p.account_id
                                  AND d.state IN ('linked', 'connected', 'disconnected'))
                 ORDER BY p.account_id
                """).getResultList();
        return rows.stream().map(r -> countdown(r, now)).toList();
    }

    @SuppressWarnings("unchecked")
    public java.util.Optional<Countdown> countdown(long accountId) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT p.account_id, b.phone_number, b.display_name, p.last_activity_at, p.last_source
                  FROM primary_activity p JOIN business_account b ON b.id = p.account_id WHERE p.account_id = ?1
                """).setParameter(1, accountId).getResultList();
        Instant now = clock.now();
        return rows.stream().map(r -> countdown(r, now)).findFirst();
    }

    private Countdown countdown(Object[] r, Instant now) {
        Instant last = SqlTimes.instant(r[3]);
        Instant logout = last.plus(settings.idleLimit());
        return new Countdown(((Number) r[0]).longValue(), (String) r[1], (String) r[2], last, (String) r[4], logout,
                Duration.between(now, logout));
    }

    private static PrimaryAlert alert(String event, Countdown c, List<String> thresholds, Instant at, JsonArray devices,
                                      List<String> steps) {
        return new PrimaryAlert(event, c.accountId(), c.phoneNumber(), c.accountName(), thresholds,
                c.timeLeft() == null ? Duration.ZERO : c.timeLeft(), c.lastActivityAt(), c.lastSource(), c.logoutAt(), at,
                devices, steps);
    }

    static Timestamp timestamp(Instant at) {
        return Timestamp.from(at);
    }
}
