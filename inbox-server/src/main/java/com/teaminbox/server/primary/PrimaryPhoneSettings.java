package com.teaminbox.server.primary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import com.teaminbox.server.settings.SavedSettings;

/**
 * The primary-phone monitor's settings (see docs/configuration.md). The warning thresholds,
 * the alert recipients, SMTP and the webhook may be saved on the Settings screen: a saved
 * value overrides the configured one and is read here at each use, so it applies at once.
 */
@ApplicationScoped
public class PrimaryPhoneSettings {

    // The keys an admin may override at runtime (SavedSettings stores them under these names).
    public static final String WARNING_THRESHOLDS = "inbox.primary.warning-thresholds";
    public static final String ALERT_RECIPIENTS = "inbox.primary.alert-recipients";
    public static final String SMTP_HOST = "inbox.mail.smtp.host";
    public static final String SMTP_PORT = "inbox.mail.smtp.port";
    public static final String SMTP_FROM = "inbox.mail.smtp.from";
    public static final String SMTP_USERNAME = "inbox.mail.smtp.username";
    public static final String SMTP_PASSWORD = "inbox.mail.smtp.password";
    public static final String SMTP_STARTTLS = "inbox.mail.smtp.starttls";
    public static final String WEBHOOK_URL = "inbox.webhook.url";
    public static final String WEBHOOK_SECRET = "inbox.webhook.secret";
    public static final String WEBHOOK_ALLOW_PRIVATE = "inbox.webhook.allow-private-addresses";

    @Inject
    SavedSettings saved;

    @Inject
    @ConfigProperty(name = "inbox.primary.check-interval", defaultValue = "PT1M")
    String checkInterval;

    @Inject
    @ConfigProperty(name = "inbox.primary.probe-interval", defaultValue = "PT10M")
    String probeInterval;

    @Inject
    @ConfigProperty(name = "inbox.primary.probe-when-idle", defaultValue = "PT1H")
    String probeWhenIdle;

    @Inject
    @ConfigProperty(name = WARNING_THRESHOLDS, defaultValue = "P7D,P3D,P1D,PT6H")
    String warningThresholds;

    @Inject
    @ConfigProperty(name = "inbox.primary.idle-limit", defaultValue = "P14D")
    String idleLimit;

    @Inject
    @ConfigProperty(name = "inbox.primary.history-size", defaultValue = "200")
    int historySize;

    @Inject
    @ConfigProperty(name = ALERT_RECIPIENTS)
    Optional<String> alertRecipients;

    @Inject
    @ConfigProperty(name = SMTP_HOST)
    Optional<String> smtpHost;

    @Inject
    @ConfigProperty(name = SMTP_PORT, defaultValue = "25")
    int smtpPort;

    @Inject
    @ConfigProperty(name = SMTP_FROM, defaultValue = "team-inbox@localhost")
    String smtpFrom;

    @Inject
    @ConfigProperty(name = SMTP_USERNAME)
    Optional<String> smtpUsername;

    @Inject
    @ConfigProperty(name = SMTP_PASSWORD)
    Optional<String> smtpPassword;

    @Inject
    @ConfigProperty(name = SMTP_STARTTLS, defaultValue = "false")
    boolean smtpStartTls;

    @Inject
    @ConfigProperty(name = WEBHOOK_URL)
    Optional<String> webhookUrl;

    @Inject
    @ConfigProperty(name = WEBHOOK_SECRET)
    Optional<String> webhookSecret;

    @Inject
    @ConfigProperty(name = WEBHOOK_ALLOW_PRIVATE, defaultValue = "false")
    boolean webhookAllowPrivate;

    @Inject
    @ConfigProperty(name = "inbox.alerts.retry-backoff", defaultValue = "PT30S")
    String retryBackoff;

    @Inject
    @ConfigProperty(name = "inbox.alerts.max-attempts", defaultValue = "10")
    int maxAttempts;

    public Duration checkInterval() {
        return Duration.parse(checkInterval.trim());
    }

    public Duration probeInterval() {
        return Duration.parse(probeInterval.trim());
    }

    /** Only accounts whose phone has not been seen for this long are probed (a phone seen recently needs no asking). */
    public Duration probeWhenIdle() {
        return Duration.parse(probeWhenIdle.trim());
    }

    /** The network's rule: this long without the phone and every companion is logged out. */
    public Duration idleLimit() {
        return Duration.parse(idleLimit.trim());
    }

    /** Time left at which to warn, largest first. */
    public List<Duration> thresholds() {
        return parseThresholds(saved.get(WARNING_THRESHOLDS).map(v -> v.value() == null ? "" : v.value()).orElse(warningThresholds));
    }

    /** The configured thresholds, before any saved value. */
    public List<Duration> configuredThresholds() {
        return parseThresholds(warningThresholds);
    }

    /** Comma-separated ISO-8601 durations, largest first; throws DateTimeParseException on a bad one. */
    public static List<Duration> parseThresholds(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(Duration::parse).distinct().sorted(Comparator.reverseOrder()).toList();
    }

    /** A threshold as people write it: P7D rather than Java's PT168H. */
    public static String label(Duration threshold) {
        long seconds = threshold.toSeconds();
        return seconds > 0 && seconds % 86_400 == 0 && threshold.getNano() == 0 ? "P" + seconds / 86_400 + "D" : threshold.toString();
    }

    public int historySize() {
        return Math.max(1, historySize);
    }

    public boolean mailConfigured() {
        return smtpHost().isPresent() && !recipients().isEmpty();
    }

    public List<String> recipients() {
        return saved.orConfigured(ALERT_RECIPIENTS, alertRecipients).map(r -> Arrays.stream(r.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    public boolean webhookConfigured() {
        return webhookUrl().isPresent() && webhookSecret().isPresent();
    }

    public Duration retryBackoff() {
        return Duration.parse(retryBackoff.trim());
    }

    public int maxAttempts() {
        return Math.max(1, maxAttempts);
    }

    public Optional<String> smtpHost() {
        return saved.orConfigured(SMTP_HOST, smtpHost);
    }

    public int smtpPort() {
        return saved.get(SMTP_PORT).flatMap(SavedSettings.Saved::present).map(Integer::parseInt).orElse(smtpPort);
    }

    public String smtpFrom() {
        return saved.get(SMTP_FROM).flatMap(SavedSettings.Saved::present).orElse(smtpFrom);
    }

    public Optional<String> smtpUsername() {
        return saved.orConfigured(SMTP_USERNAME, smtpUsername);
    }

    /** Never log it. */
    public Optional<String> smtpPassword() {
        return saved.orConfigured(SMTP_PASSWORD, smtpPassword);
    }

    public boolean smtpStartTls() {
        return saved.get(SMTP_STARTTLS).flatMap(SavedSettings.Saved::present).map(Boolean::parseBoolean).orElse(smtpStartTls);
    }

    public Optional<String> webhookUrl() {
        return saved.orConfigured(WEBHOOK_URL, webhookUrl);
    }

    /** Never log it. */
    public Optional<String> webhookSecret() {
        return saved.orConfigured(WEBHOOK_SECRET, webhookSecret);
    }

    /** Whether webhooks may go to loopback, link-local and private addresses (receivers inside one's own network). */
    public boolean webhookAllowsPrivateAddresses() {
        return saved.get(WEBHOOK_ALLOW_PRIVATE).flatMap(SavedSettings.Saved::present).map(Boolean::parseBoolean)
                .orElse(webhookAllowPrivate);
    }

    /** The webhook in force; empty without a URL or a secret. */
    public Optional<Webhook> webhook() {
        return webhookConfigured()
                ? Optional.of(new Webhook(webhookUrl().orElseThrow(), webhookSecret().orElseThrow(), webhookAllowsPrivateAddresses()))
                : Optional.empty();
    }
}
