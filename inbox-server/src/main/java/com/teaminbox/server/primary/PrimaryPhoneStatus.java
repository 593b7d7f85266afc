package com.teaminbox.server.primary;

import com.teaminbox.server.platform.SqlTimes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** What the primary-phone page and API show, read from the watch's tables. */
@ApplicationScoped
public class PrimaryPhoneStatus {

    @PersistenceContext(unitName = "inbox")
    private EntityManager em;

    @Inject
    private NetworkClock clock;

    @Inject
    private PrimaryPhoneSettings settings;

    public record Warning(String threshold, Instant periodStart, Instant raisedAt, long timeLeftSeconds) {
    }

    public record Incident(long id, Instant occurredAt, Instant lastActivityAt, String devices, List<String> recovery) {
    }

    public record Observation(Instant observedAt, String source, Long deviceId) {
    }

    /**
     * One account. {@code lastActivityAt} null: no companion has seen the phone yet. {@code
     * monitored}: the account has a live companion device, so the countdown matters.
     */
    public record AccountView(long accountId, String phoneNumber, String name, boolean monitored, Instant networkNow,
                              Instant lastActivityAt, String lastActivitySource, Instant logoutAt, Long timeLeftSeconds,
                              String timeLeft, List<String> activeWarnings, List<Warning> warningHistory,
                              List<Incident> incidents, List<Observation> recentActivity) {
    }

    @SuppressWarnings("unchecked")
    @Transactional
    public List<AccountView> accounts() {
        Instant now = clock.now();
        List<Object[]> rows = em.createNativeQuery("""
                SELECT b.id, b.phone_number, b.display_name, p.last_activity_at, p.last_source,
                       EXISTS (SELECT 1 FROM companion_device d WHERE d.account_id = b.id
                                  AND d.state IN ('linked', 'connected', 'disconnected'))
                  FROM business_account b LEFT JOIN primary_activity p ON p.account_id = b.id
                 ORDER BY b.id
                """).getResultList();
        return rows.stream().map(r -> view(r, now)).toList();
    }

    @SuppressWarnings("unchecked")
    private AccountView view(Object[] r, Instant now) {
        long account = ((Number) r[0]).longValue();
        Instant last = r[3] == null ? null : SqlTimes.instant(r[3]);
        Instant logout = last == null ? null : last.plus(settings.idleLimit());
        Duration left = logout == null ? null : Duration.between(now, logout);
        if (left != null && left.isNegative()) {
            left = Duration.ZERO;
        }
        List<Warning> history = ((List<Object[]>) em.createNativeQuery("""
                SELECT threshold, period_start, raised_at, time_left_seconds FROM primary_warning
                 WHERE account_id = ?1 ORDER BY raised_at DESC, threshold_seconds DESC LIMIT 100
                """).setParameter(1, account).getResultList()).stream()
                .map(w -> new Warning((String) w[0], SqlTimes.instant(w[1]), SqlTimes.instant(w[2]),
                        ((Number) w[3]).longValue())).toList();
        List<String> active = last == null ? List.of() : history.stream().filter(w -> w.periodStart().equals(last))
                .map(Warning::threshold).toList();
        List<Incident> incidents = ((List<Object[]>) em.createNativeQuery("""
                SELECT id, occurred_at, period_start, devices, recovery FROM primary_incident
                 WHERE account_id = ?1 ORDER BY occurred_at DESC LIMIT 50
                """).setParameter(1, account).getResultList()).stream()
                .map(i -> new Incident(((Number) i[0]).longValue(), SqlTimes.instant(i[1]),
                        SqlTimes.instant(i[2]), (String) i[3], Arrays.asList(((String) i[4]).split("\n")))).toList();
        List<Observation> recent = ((List<Object[]>) em.createNativeQuery("""
                SELECT observed_at, source, device_id FROM primary_activity_observation
                 WHERE account_id = ?1 ORDER BY id DESC LIMIT 20
                """).setParameter(1, account).getResultList()).stream()
                .map(o -> new Observation(SqlTimes.instant(o[0]), (String) o[1],
                        o[2] == null ? null : ((Number) o[2]).longValue())).toList();
        return new AccountView(account, (String) r[1], (String) r[2], Boolean.TRUE.equals(r[5]), now, last, (String) r[4],
                logout, left == null ? null : left.toSeconds(), left == null ? null : left.toString(), active, history,
                incidents, recent);
    }
}
