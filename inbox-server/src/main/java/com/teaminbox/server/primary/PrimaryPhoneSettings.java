package com.teaminbox.server.primary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The primary-phone monitor's settings (see docs/configuration.md). */
@ApplicationScoped
public class PrimaryPhoneSettings {

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
    @ConfigProperty(name = "inbox.primary.warning-thresholds", defaultValue = "P7D,P3D,P1D,PT6H")
    String warningThresholds;

    @Inject
    @ConfigProperty(name = "inbox.primary.idle-limit", defaultValue = "P14D")
    String idleLimit;

    @Inject
    @ConfigProperty(name = "inbox.primary.history-size", defaultValue = "200")
    int historySize;

    @Inject
    @ConfigProperty(name = "inbox.primary.alert-recipients")
    Optional<String> alertRecipients;

    @Inject
    @ConfigProperty(name = "inbox.mail.smtp.host")
    Optional<String> smtpHost;

    @Inject
    @ConfigProperty(name = "inbox.mail.smtp.port", defaultValue = "25")
    int smtpPort;

    @Inject
    @ConfigProperty(name = "inbox.mail.smtp.from", defaultValue = "team-inbox@localhost")
    String smtpFrom;

    @Inject
    @ConfigProperty(name = "inbox.mail.smtp.username")
    Optional<String> smtpUsername;

    @Inject
    @ConfigProperty(name = "inbox.mail.smtp.password")
    Optional<String> smtpPassword;

    @Inject
    @ConfigProperty(name = "inbox.mail.smtp.starttls", defaultValue = "false")
    boolean smtpStartTls;

    @Inject
    @ConfigProperty(name = "inbox.webhook.url")
    Optional<String> webhookUrl;

    @Inject
    @ConfigProperty(name = "inbox.webhook.secret")
    Optional<String> webhookSecret;

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
        return Arrays.stream(warningThresholds.split(",")).map(String::trim).filter(s -> !s.isEmpty())
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
        return present(smtpHost) && !recipients().isEmpty();
    }

    public List<String> recipients() {
        return alertRecipients.map(r -> Arrays.stream(r.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    public boolean webhookConfigured() {
        return present(webhookUrl) && present(webhookSecret);
    }

    public Duration retryBackoff() {
        return Duration.parse(retryBackoff.trim());
    }

    public int maxAttempts() {
        return Math.max(1, maxAttempts);
    }

    public Optional<String> smtpHost() {
        return smtpHost;
    }

    public int smtpPort() {
        return smtpPort;
    }

    public String smtpFrom() {
        return smtpFrom;
    }

    public Optional<String> smtpUsername() {
        return smtpUsername;
    }

    /** Never log it. */
    public Optional<String> smtpPassword() {
        return smtpPassword;
    }

    public boolean smtpStartTls() {
        return smtpStartTls;
    }

    public Optional<String> webhookUrl() {
        return webhookUrl;
    }

    /** Never log it. */
    public Optional<String> webhookSecret() {
        return webhookSecret;
    }

    private static boolean present(Optional<String> value) {
        return value.isPresent() && !value.get().isBlank();
    }
}
