package com.teaminbox.server.primary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The primary-phone alerts' three channels. In-app: a NOTIFY on the live event channel in
 * the alert's own transaction (every instance's stream hears it after the commit). E-mail and
 * webhook: a row in {@code alert_delivery}, written in the same transaction and sent by
 * {@link #deliverDue()} with retries and exponential back-off, so an alert survives a restart
 * and a receiver that is down for a while. A channel that is not configured is skipped (one
 * log line at start-up). Secrets (SMTP password, webhook secret) are never logged.
 */
@ApplicationScoped
public class AlertOutbox {

    private static final Logger LOG = Logger.getLogger(AlertOutbox.class.getName());
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    @PersistenceContext(unitName = "inbox")
    private EntityManager em;

    @Inject
    private PrimaryPhoneSettings settings;

    @PostConstruct
    void describe() {
        if (!settings.mailConfigured()) {
            LOG.info("Primary-phone alerts by e-mail are off: inbox.mail.smtp.host or inbox.primary.alert-recipients is not set");
        }
        settings.webhook().ifPresentOrElse(
                webhook -> webhook.problem(WebhookDestination.SYSTEM)
                        .ifPresent(why -> LOG.warning("Primary-phone alerts by webhook will not be sent: " + why)),
                () -> LOG.info("Primary-phone alerts by webhook are off: inbox.webhook.url or inbox.webhook.secret is not set"));
    }

    /** Raises the alert on every configured channel, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void raise(PrimaryAlert alert) {
        em.createNativeQuery("SELECT 1 FROM (SELECT pg_notify('inbox_events', ?1)) n")
                .setParameter(1, alert.toEventJson()).getResultList();
        if (PrimaryAlert.RESUMED.equals(alert.event())) {
            return; // the banner goes away; no mail or webhook for good news
        }
        if (settings.mailConfigured()) {
            queue("mail", alert, alert.mailSubject(), alert.mailText());
        }
        if (settings.webhookConfigured()) {
            queue("webhook", alert, null, alert.toJson().toString());
        }
    }

    private void queue(String channel, PrimaryAlert alert, String subject, String body) {
        em.createNativeQuery("""
                INSERT INTO alert_delivery (channel, event, account_id, subject, body) VALUES (?1, ?2, ?3, CAST(?4 AS varchar), ?5)
                """).setParameter(1, channel).setParameter(2, alert.event()).setParameter(3, alert.accountId())
                .setParameter(4, subject).setParameter(5, body).executeUpdate();
    }

    /** Ids of deliveries whose time has come. */
    @SuppressWarnings("unchecked")
    @Transactional
    public List<Long> due() {
        List<Number> ids = em.createNativeQuery("""
                SELECT id FROM alert_delivery
                 WHERE delivered_at IS NULL AND given_up_at IS NULL AND next_attempt_at <= now()
                 ORDER BY id LIMIT 50
                """).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /**
     * Sends one delivery if it is still due; the row stays locked meanwhile, so two instances
     * never send it twice. Failure: attempts + 1, next try after back-off × 2^attempts (at most
     * an hour), given up after {@code inbox.alerts.max-attempts}.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void deliver(long id) {
        List<?> rows = em.createNativeQuery("""
                SELECT channel, subject, body, attempts, id FROM alert_delivery
                 WHERE id = ?1 AND delivered_at IS NULL AND given_up_at IS NULL AND next_attempt_at <= now()
                 FOR UPDATE SKIP LOCKED
                """).setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            return;
        }
        Object[] row = (Object[]) rows.get(0);
        String channel = (String) row[0];
        int attempts = ((Number) row[3]).intValue() + 1;
        try {
            if ("mail".equals(channel)) {
                sendMail((String) row[1], (String) row[2]);
            } else {
                postWebhook(id, (String) row[2]);
            }
            em.createNativeQuery("UPDATE alert_delivery SET delivered_at = now(), attempts = ?1, last_error = NULL WHERE id = ?2")
                    .setParameter(1, attempts).setParameter(2, id).executeUpdate();
            LOG.info(() -> "Primary-phone alert " + id + " delivered by " + channel);
        } catch (Exception e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            String shortError = error.length() > 500 ? error.substring(0, 500) : error;
            boolean giveUp = attempts >= settings.maxAttempts();
            long backoff = Math.min(MAX_BACKOFF.toMillis(),
                    settings.retryBackoff().toMillis() * (1L << Math.min(20, attempts - 1)));
            em.createNativeQuery("""
                    UPDATE alert_delivery SET attempts = ?1, last_error = ?2,
                           next_attempt_at = now() + make_interval(secs => ?3),
                           given_up_at = CASE WHEN ?4 THEN now() END
                     WHERE id = ?5
                    """).setParameter(1, attempts).setParameter(2, shortError).setParameter(3, backoff / 1000.0)
                    .setParameter(4, giveUp).setParameter(5, id).executeUpdate();
            LOG.warning(() -> "Primary-phone alert " + id + " by " + channel + " failed (attempt " + attempts + "): "
                    + shortError + (giveUp ? "; given up" : "; retrying in " + Duration.ofMillis(backoff)));
        }
    }

    private void sendMail(String subject, String text) throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", settings.smtpHost().orElseThrow());
        properties.put("mail.smtp.port", Integer.toString(settings.smtpPort()));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.writetimeout", "10000");
        if (settings.smtpStartTls()) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        Authenticator login = null;
        if (settings.smtpUsername().isPresent() && !settings.smtpUsername().get().isBlank()) {
            properties.put("mail.smtp.auth", "true");
            String user = settings.smtpUsername().get();
            String password = settings.smtpPassword().orElse("");
            login = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user, password);
                }
            };
        }
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try {
            // Jakarta Mail finds its providers through the context class loader.
            Thread.currentThread().setContextClassLoader(Session.class.getClassLoader());
            Session session = Session.getInstance(properties, login);
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(settings.smtpFrom()));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(String.join(",", settings.recipients())));
            message.setSubject(subject, "UTF-8");
            message.setText(text, "UTF-8");
            Transport.send(message);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** Checked again at each attempt: the settings or the host's addresses may have changed since it was queued. */
    private void postWebhook(long id, String body) throws IOException, WebhookRefused {
        Webhook webhook = settings.webhook().orElseThrow(() -> new IOException("no webhook is configured any more"));
        webhook.post(id, body, Instant.now(), WebhookDestination.SYSTEM);
    }
}
