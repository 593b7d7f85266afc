package com.teaminbox.server.settings;

import static com.teaminbox.server.primary.PrimaryPhoneSettings.ALERT_RECIPIENTS;
import static com.teaminbox.server.primary.PrimaryPhoneSettings.SMTP_FROM;
import static com.teaminbox.server.primary.PrimaryPhoneSettings.SMTP_HOST;
import static com.teaminbox.server.primary.PrimaryPhoneSettings.SMTP_PASSWORD;
import static com.teaminbox.server.primary.PrimaryPhoneSettings.SMTP_PORT;
import static com.teaminbox.server.primary.PrimaryPhoneSettings.SMTP_STARTTLS;
import static com.teaminbox.server.primary.PrimaryPhoneSettings.SMTP_USERNAME;
import static com.teaminbox.server.primary.PrimaryPhoneSettings.WARNING_THRESHOLDS;
import static com.teaminbox.server.primary.PrimaryPhoneSettings.WEBHOOK_ALLOW_PRIVATE;
import static com.teaminbox.server.primary.PrimaryPhoneSettings.WEBHOOK_SECRET;
import static com.teaminbox.server.primary.PrimaryPhoneSettings.WEBHOOK_URL;

import com.teaminbox.server.audit.AuditTrail;
import com.teaminbox.server.primary.PrimaryPhoneSettings;
import com.teaminbox.server.primary.WebhookDestination;
import com.teaminbox.server.queue.QueueNotFound;
import com.teaminbox.server.routing.RoutingPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads and changes the settings by section. Each change is checked as a whole first (a
 * refusal names the field and changes nothing), then saved and audited in one transaction:
 * who, which section, which fields; secret values never reach the audit or a log.
 */
@ApplicationScoped
public class SettingsAdministration {

    public static final String PRIMARY_PHONE = "primary-phone";
    public static final String MAIL = "mail";
    public static final String WEBHOOK = "webhook";
    static final Map<String, Set<String>> KEYS = Map.of(
            PRIMARY_PHONE, Set.of(WARNING_THRESHOLDS),
            MAIL, Set.of(SMTP_HOST, SMTP_PORT, SMTP_FROM, SMTP_USERNAME, SMTP_PASSWORD, SMTP_STARTTLS, ALERT_RECIPIENTS),
            WEBHOOK, Set.of(WEBHOOK_URL, WEBHOOK_SECRET, WEBHOOK_ALLOW_PRIVATE));
    static final int MAX_SLA_MINUTES = 7 * 24 * 60;
    static final int MAX_REPLY = 1000;

    @PersistenceContext(unitName = "inbox")
    private EntityManager em;

    @Inject
    private SavedSettings saved;

    @Inject
    private PrimaryPhoneSettings primary;

    @Inject
    private AuditTrail audit;

    public record PrimaryPhoneSection(List<String> warningThresholds, List<String> configuredThresholds, boolean saved) {
    }

    /** {@code passwordSet}: a password is in force; the password itself never leaves the server. */
    public record MailSection(String host, int port, String from, String username, boolean passwordSet, boolean startTls,
                              List<String> recipients, boolean saved) {
    }

    /** {@code allowPrivateAddresses}: webhooks may go to loopback, link-local and private addresses. */
    public record WebhookSection(String url, boolean secretSet, boolean allowPrivateAddresses, boolean saved) {
    }

    /**
     * A queue's routing, SLA and business hours; times as HH:mm in {@code timeZone}, days ISO
     * (Monday 1); {@code dayHours}: the open days whose hours differ from the usual ones.
     */
    public record QueueSettings(long id, long accountId, String accountName, String name, String routingPolicy,
                                Integer slaMinutes, Integer slaSeconds, String timeZone, String opensAt, String closesAt,
                                List<Integer> openDays, String outOfHoursReply, List<DayHours> dayHours) {
    }

    /** One weekday's own hours (HH:mm; closing before opening runs past midnight). */
    public record DayHours(Integer day, String opensAt, String closesAt) {
    }

    public record Settings(PrimaryPhoneSection primaryPhone, MailSection mail, WebhookSection webhook, List<QueueSettings> queues) {
    }

    public record PrimaryPhoneChange(List<String> warningThresholds) {
    }

    /** {@code password} null: keep the one in force; empty: none. */
    public record MailChange(String host, Integer port, String from, String username, String password, Boolean startTls,
                             List<String> recipients) {
    }

    /** {@code secret} null: keep the one in force; empty: none. {@code allowPrivateAddresses} null: keep the one in force. */
    public record WebhookChange(String url, String secret, Boolean allowPrivateAddresses) {
    }

    /** The whole of a queue's settings; {@code dayHours} omitted or empty: every open day has the usual hours. */
    public record QueueChange(String routingPolicy, Integer slaMinutes, String timeZone, String opensAt, String closesAt,
                              List<Integer> openDays, String outOfHoursReply, List<DayHours> dayHours) {
    }

    @Transactional
    public Settings settings() {
        return new Settings(primaryPhone(), mail(), webhook(), queues());
    }

    PrimaryPhoneSection primaryPhone() {
        return new PrimaryPhoneSection(labels(primary.thresholds()), labels(primary.configuredThresholds()), savedAny(PRIMARY_PHONE));
    }

    MailSection mail() {
        return new MailSection(primary.smtpHost().orElse(null), primary.smtpPort(), primary.smtpFrom(),
                primary.smtpUsername().orElse(null), primary.smtpPassword().isPresent(), primary.smtpStartTls(), primary.recipients(),
                savedAny(MAIL));
    }

    WebhookSection webhook() {
        return new WebhookSection(primary.webhookUrl().orElse(null), primary.webhookSecret().isPresent(),
                primary.webhookAllowsPrivateAddresses(), savedAny(WEBHOOK));
    }

    @SuppressWarnings("unchecked")
    List<QueueSettings> queues() {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT q.id, q.account_id, b.display_name, q.name, q.routing_policy, q.sla_seconds, q.time_zone,
                       to_char(q.opens_at, 'HH24:MI'), to_char(q.closes_at, 'HH24:MI'), q.open_days, q.out_of_hours_reply
                  FROM queue q JOIN business_account b ON b.id = q.account_id
                 ORDER BY b.display_name, q.account_id, q.name, q.id
                """).getResultList();
        List<Object[]> days = em.createNativeQuery("""
                SELECT queue_id, iso_day, to_char(opens_at, 'HH24:MI'), to_char(closes_at, 'HH24:MI')
                  FROM queue_day_hours ORDER BY queue_id, iso_day
                """).getResultList();
        java.util.Map<Long, List<DayHours>> byQueue = new java.util.HashMap<>();
        for (Object[] d : days) {
            byQueue.computeIfAbsent(((Number) d[0]).longValue(), id -> new ArrayList<>())
                    .add(new DayHours(((Number) d[1]).intValue(), (String) d[2], (String) d[3]));
        }
        return rows.stream().map(r -> queue(r, byQueue.getOrDefault(((Number) r[0]).longValue(), List.of()))).toList();
    }

    private static QueueSettings queue(Object[] r, List<DayHours> dayHours) {
        Integer seconds = r[5] == null ? null : ((Number) r[5]).intValue();
        return new QueueSettings(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2], (String) r[3],
                (String) r[4], seconds == null ? null : (seconds + 59) / 60, seconds, (String) r[6], (String) r[7], (String) r[8],
                Arrays.stream(((String) r[9]).split(",")).map(String::trim).filter(d -> !d.isEmpty()).map(Integer::valueOf).toList(),
                (String) r[10], List.copyOf(dayHours));
    }

    @Transactional
    public void changePrimaryPhone(String actor, PrimaryPhoneChange change) {
        List<String> given = change.warningThresholds() == null ? List.of() : change.warningThresholds();
        if (given.stream().allMatch(t -> t == null || t.isBlank())) {
            throw new SettingRejected("Give at least one warning threshold, such as P3D or PT6H.");
        }
        List<Duration> thresholds = new ArrayList<>();
        for (String raw : given) {
            if (raw == null || raw.isBlank()) {
                continue;
            }
            Duration threshold;
            try {
                threshold = Duration.parse(raw.strip());
            } catch (DateTimeParseException e) {
                throw new SettingRejected("The warning threshold \"" + raw.strip() + "\" is not a duration such as P3D or PT6H.");
            }
            if (threshold.isNegative() || threshold.isZero()) {
                throw new SettingRejected("The warning threshold " + raw.strip() + " must be longer than zero.");
            }
            if (threshold.compareTo(primary.idleLimit()) >= 0) {
                throw new SettingRejected("The warning threshold " + raw.strip() + " must be shorter than the "
                        + PrimaryPhoneSettings.label(primary.idleLimit()) + " before the logout.");
            }
            thresholds.add(threshold);
        }
        List<String> before = primaryPhone().warningThresholds();
        List<String> after = labels(thresholds.stream().distinct().sorted(java.util.Comparator.reverseOrder()).toList());
        saved.save(WARNING_THRESHOLDS, String.join(",", after), actor);
        record(actor, PRIMARY_PHONE, before.equals(after) ? List.of() : List.of("warningThresholds"));
    }

    @Transactional
    public void changeMail(String actor, MailChange change) {
        String host = blankToNull(change.host());
        if (host != null && !host.matches("[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+]")) {
            throw new SettingRejected("The SMTP host \"" + host + "\" is not a host name.");
        }
        if (change.port() == null || change.port() < 1 || change.port() > 65_535) {
            throw new SettingRejected("The SMTP port must be a number from 1 to 65535.");
        }
        String from = blankToNull(change.from());
        if (from == null || !isAddress(from)) {
            throw new SettingRejected("The sender address must be an e-mail address such as inbox@example.com.");
        }
        List<String> recipients = new ArrayList<>();
        for (String recipient : change.recipients() == null ? List.<String>of() : change.recipients()) {
            String address = blankToNull(recipient);
            if (address == null) {
                continue;
            }
            if (!isAddress(address)) {
                throw new SettingRejected("The alert recipient \"" + address + "\" is not an e-mail address.");
            }
            recipients.add(address);
        }
        String username = blankToNull(change.username());
        boolean startTls = Boolean.TRUE.equals(change.startTls());

        MailSection before = mail();
        List<String> fields = new ArrayList<>();
        changed(fields, "host", before.host(), host);
        changed(fields, "port", before.port(), change.port());
        changed(fields, "from", before.from(), from);
        changed(fields, "username", before.username(), username);
        changed(fields, "startTls", before.startTls(), startTls);
        changed(fields, "recipients", before.recipients(), recipients);
        saved.save(SMTP_HOST, host, actor);
        saved.save(SMTP_PORT, Integer.toString(change.port()), actor);
        saved.save(SMTP_FROM, from, actor);
        saved.save(SMTP_USERNAME, username, actor);
        saved.save(SMTP_STARTTLS, Boolean.toString(startTls), actor);
        saved.save(ALERT_RECIPIENTS, String.join(",", recipients), actor);
        if (change.password() != null) {
            saved.saveSecret(SMTP_PASSWORD, change.password(), actor);
            fields.add("password");
        } // else the password in force stays: the saved one, or the configured one while nothing is saved
        record(actor, MAIL, fields);
    }

    @Transactional
    public void changeWebhook(String actor, WebhookChange change) {
        String url = blankToNull(change.url());
        boolean allowPrivate = change.allowPrivateAddresses() != null ? change.allowPrivateAddresses()
                : primary.webhookAllowsPrivateAddresses();
        WebhookSectionRules.check(url, change.secret(), primary.webhookSecret(), allowPrivate, WebhookDestination.SYSTEM);
        WebhookSection before = webhook();
        List<String> fields = new ArrayList<>();
        changed(fields, "url", before.url(), url);
        changed(fields, "allowPrivateAddresses", before.allowPrivateAddresses(), allowPrivate);
        saved.save(WEBHOOK_URL, url, actor);
        if (change.allowPrivateAddresses() != null) {
            saved.save(WEBHOOK_ALLOW_PRIVATE, Boolean.toString(allowPrivate), actor);
        }
        if (change.secret() != null) {
            saved.saveSecret(WEBHOOK_SECRET, change.secret(), actor);
            fields.add("secret");
        }
        record(actor, WEBHOOK, fields);
    }

    /** The section goes back to the configured values. */
    @Transactional
    public void reset(String actor, String section) {
        Set<String> keys = KEYS.get(section);
        if (keys == null) {
            throw new SettingsSectionNotFound(section, KEYS.keySet());
        }
        saved.clear(keys);
        audit.record(actor, "settings.reset", "settings", section, null, "back to the configured values");
    }

    @Transactional
    public void changeQueue(String actor, long queueId, QueueChange change) {
        List<QueueSettings> matching = queues().stream().filter(q -> q.id() == queueId).toList();
        if (matching.isEmpty()) {
            throw new QueueNotFound(queueId);
        }
        QueueSettings before = matching.get(0);
        String policy;
        try {
            policy = RoutingPolicy.of(Objects.requireNonNullElse(change.routingPolicy(), "").strip()).code();
        } catch (IllegalArgumentException e) {
            throw new SettingRejected("The routing policy must be round_robin or least_busy.");
        }
        Integer slaMinutes = change.slaMinutes();
        if (slaMinutes != null && (slaMinutes < 1 || slaMinutes > MAX_SLA_MINUTES)) {
            throw new SettingRejected("The SLA must be from 1 to " + MAX_SLA_MINUTES + " minutes (a week), or empty for none.");
        }
        // Unchanged minutes keep a queue's exact seconds (an SLA of 90 s shows as 2 minutes).
        Integer slaSeconds = Objects.equals(slaMinutes, before.slaMinutes()) ? before.slaSeconds()
                : slaMinutes == null ? null : slaMinutes * 60;
        String zone = blankToNull(change.timeZone());
        if (zone == null) {
            throw new SettingRejected("Give the business hours' time zone, such as Europe/Berlin or UTC.");
        }
        // PostgreSQL evaluates the hours, so its list of zones decides.
        if (((Number) em.createNativeQuery("SELECT count(*) FROM pg_timezone_names WHERE name = ?1").setParameter(1, zone)
                .getSingleResult()).intValue() == 0) {
            throw new SettingRejected("The time zone \"" + zone + "\" is unknown; use a name such as Europe/Berlin or UTC.");
        }
        LocalTime opens = time(change.opensAt(), "opening");
        LocalTime closes = time(change.closesAt(), "closing");
        if ((opens == null) != (closes == null)) {
            throw new SettingRejected("Give both the opening and the closing time of the business hours, or neither for always open.");
        }
        if (opens != null && opens.equals(closes)) {
            throw new SettingRejected("The business hours open and close at the same time (" + opens
                    + "); leave both empty for always open.");
        }
        List<Integer> days = change.openDays() == null ? List.of() : change.openDays().stream().filter(Objects::nonNull)
                .distinct().sorted().toList();
        if (days.stream().anyMatch(d -> d < 1 || d > 7)) {
            throw new SettingRejected("Open days are weekdays from 1 (Monday) to 7 (Sunday).");
        }
        if (opens != null && days.isEmpty()) {
            throw new SettingRejected("Pick at least one open day for the business hours.");
        }
        if (days.isEmpty()) {
            days = List.of(1, 2, 3, 4, 5, 6, 7);
        }
        List<DayHours> dayHours = dayHours(change.dayHours(), opens != null, days);
        String reply = blankToNull(change.outOfHoursReply());
        if (reply != null && reply.length() > MAX_REPLY) {
            throw new SettingRejected("The out-of-hours reply must be at most " + MAX_REPLY + " characters.");
        }
        List<String> fields = new ArrayList<>();
        changed(fields, "routingPolicy", before.routingPolicy(), policy);
        changed(fields, "slaMinutes", before.slaSeconds(), slaSeconds);
        changed(fields, "timeZone", before.timeZone(), zone);
        changed(fields, "opensAt", before.opensAt(), opens == null ? null : opens.toString());
        changed(fields, "closesAt", before.closesAt(), closes == null ? null : closes.toString());
        changed(fields, "openDays", before.openDays(), days);
        changed(fields, "outOfHoursReply", before.outOfHoursReply(), reply);
        changed(fields, "dayHours", before.dayHours(), dayHours);
        em.createNativeQuery("""
                UPDATE queue SET routing_policy = ?1, sla_seconds = CAST(?2 AS integer), time_zone = ?3,
                       opens_at = CAST(?4 AS time), closes_at = CAST(?5 AS time), open_days = ?6, out_of_hours_reply = CAST(?7 AS text)
                 WHERE id = ?8
                """).setParameter(1, policy).setParameter(2, slaSeconds).setParameter(3, zone)
                .setParameter(4, opens == null ? null : opens.toString()).setParameter(5, closes == null ? null : closes.toString())
                .setParameter(6, String.join(",", days.stream().map(String::valueOf).toList())).setParameter(7, reply)
                .setParameter(8, queueId).executeUpdate();
        em.createNativeQuery("DELETE FROM queue_day_hours WHERE queue_id = ?1").setParameter(1, queueId).executeUpdate();
        for (DayHours day : dayHours) {
            em.createNativeQuery("""
                    INSERT INTO queue_day_hours (queue_id, iso_day, opens_at, closes_at)
                    VALUES (?1, ?2, CAST(?3 AS time), CAST(?4 AS time))""")
                    .setParameter(1, queueId).setParameter(2, day.day()).setParameter(3, day.opensAt())
                    .setParameter(4, day.closesAt()).executeUpdate();
        }
        if (!fields.isEmpty()) {
            audit.record(actor, "settings.changed", "queue", Long.toString(queueId), null, "fields=" + String.join(",", fields));
        }
    }

    /** The days with their own hours, checked and normalised (HH:mm, by day). */
    private static List<DayHours> dayHours(List<DayHours> requested, boolean hasHours, List<Integer> openDays) {
        if (requested == null || requested.isEmpty()) {
            return List.of();
        }
        if (!hasHours) {
            throw new SettingRejected("Set the usual opening and closing times before giving some days their own hours.");
        }
        java.util.TreeMap<Integer, DayHours> byDay = new java.util.TreeMap<>();
        for (DayHours day : requested) {
            if (day == null || day.day() == null || day.day() < 1 || day.day() > 7) {
                throw new SettingRejected("Days with their own hours are weekdays from 1 (Monday) to 7 (Sunday).");
            }
            String name = java.time.DayOfWeek.of(day.day()).getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH);
            if (!openDays.contains(day.day())) {
                throw new SettingRejected(name + " has its own hours but is not an open day; tick it as open or remove its hours.");
            }
            LocalTime opens = time(day.opensAt(), name + " opening");
            LocalTime closes = time(day.closesAt(), name + " closing");
            if (opens == null || closes == null) {
                throw new SettingRejected("Give both the opening and the closing time for " + name + ".");
            }
            if (opens.equals(closes)) {
                throw new SettingRejected(name + " opens and closes at the same time (" + opens + ").");
            }
            if (byDay.put(day.day(), new DayHours(day.day(), opens.toString(), closes.toString())) != null) {
                throw new SettingRejected(name + " has two sets of hours; give each day once.");
            }
        }
        return List.copyOf(byDay.values());
    }

    private static LocalTime time(String raw, String which) {
        String value = blankToNull(raw);
        if (value == null) {
            return null;
        }
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new SettingRejected("The " + which + " time \"" + value + "\" is not a time such as 09:00.");
        }
    }

    /** Only the names of the fields that changed: the values (secrets above all) stay out of the audit. */
    private void record(String actor, String section, List<String> fields) {
        if (!fields.isEmpty()) {
            audit.record(actor, "settings.changed", "settings", section, null, "fields=" + String.join(",", fields));
        }
    }

    private boolean savedAny(String section) {
        return KEYS.get(section).stream().anyMatch(saved::isSaved);
    }

    private static void changed(List<String> fields, String name, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            fields.add(name);
        }
    }

    private static List<String> labels(List<Duration> thresholds) {
        return thresholds.stream().map(PrimaryPhoneSettings::label).toList();
    }

    private static boolean isAddress(String address) {
        try {
            new InternetAddress(address, true).validate();
            return address.contains("@");
        } catch (AddressException e) {
            return false;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
