package com.teaminbox.server.outbox;

import com.teaminbox.server.device.session.DeviceSessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One round of the dispatcher, in one transaction: claim due outbox rows with
 * {@code FOR UPDATE SKIP LOCKED} (so several inbox instances never send a row twice), send
 * them, and record each outcome. A row whose send failed is retried with growing pauses and
 * marked failed, with the reason, after {@link #MAX_ATTEMPTS}.
 */
@ApplicationScoped
public class OutboxBatch {

    static final int MAX_ATTEMPTS = 5;
    private static final Duration SEND_WAIT = Duration.ofSeconds(15);

    @PersistenceContext(unitName = "inbox")
    private EntityManager em;

    @Inject
    private DeviceSessions sessions;

    private record Due(long outboxId, long messageId, long deviceId, int attempts, String body, String contactPhone,
                       String networkMessageId, boolean hasAttachment) {
    }

    @Inject
    private com.teaminbox.server.attachment.AttachmentStore attachments;

    /** @return how many rows were claimed (0 when nothing was due) */
    @Transactional
    public int sendDue(int max) {
        List<?> rows = em.createNativeQuery("""
                SELECT o.id, o.message_id, o.device_id, o.attempts, m.body, ct.phone_number, m.network_message_id,
                       EXISTS (SELECT 1 FROM message_media mm WHERE mm.message_id = m.id)
                  FROM outbox o
                  JOIN message m ON m.id = o.message_id
                  JOIN conversation c ON c.id = m.conversation_id
                  JOIN contact ct ON ct.id = c.contact_id
                 WHERE o.state = 'pending' AND o.next_attempt_at <= now()
                 ORDER BY o.id
                 LIMIT ?1
                 FOR UPDATE OF o SKIP LOCKED
                """).setParameter(1, max).getResultList();
        List<Due> due = new ArrayList<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            due.add(new Due(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), ((Number) r[2]).longValue(),
                    ((Number) r[3]).intValue(), (String) r[4], (String) r[5], (String) r[6], Boolean.TRUE.equals(r[7])));
        }
        // Start every send first: each device sends in order on its own thread, so the wait is
        // one round trip, not one per row.
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (Due d : due) {
            sends.add(send(d));
        }
        for (int i = 0; i < due.size(); i++) {
            record(due.get(i), outcome(sends.get(i)));
        }
        return due.size();
    }

    private CompletableFuture<Void> send(Due d) {
        if (!d.hasAttachment()) {
            return sessions.send(d.deviceId(), d.networkMessageId(), d.contactPhone(), d.body()).toCompletableFuture();
        }
        // The blob is on the media host already (uploaded when the agent attached it); the
        // message carries its reference, and a retry sends the same reference again.
        try {
            var attachment = attachments.find(d.messageId()).orElseThrow();
            return sessions.sendMedia(d.deviceId(), d.networkMessageId(), d.contactPhone(), d.body(), attachment.reference())
                    .toCompletableFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e); // e.g. a media key that no longer opens: this row fails, not the batch
        }
    }

    /** Null when sent, otherwise why not. */
    private static String outcome(CompletableFuture<Void> send) {
        try {
            send.get(SEND_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        } catch (TimeoutException e) {
            return "the network did not take the message within " + SEND_WAIT.toSeconds() + " s";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while sending";
        }
    }

    private void record(Due d, String failure) {
        if (failure == null) {
            em.createNativeQuery("UPDATE outbox SET state = 'sent', attempts = attempts + 1, last_error = NULL WHERE id = ?1")
                    .setParameter(1, d.outboxId()).executeUpdate();
            em.createNativeQuery("UPDATE message SET delivery_state = 'sent' WHERE id = ?1 AND delivery_state = 'pending'")
                    .setParameter(1, d.messageId()).executeUpdate();
            return;
        }
        String reason = failure.length() > 480 ? failure.substring(0, 480) : failure;
        int attempts = d.attempts() + 1;
        if (attempts >= MAX_ATTEMPTS) {
            em.createNativeQuery("UPDATE outbox SET state = 'failed', attempts = ?2, last_error = ?3 WHERE id = ?1")
                    .setParameter(1, d.outboxId()).setParameter(2, attempts).setParameter(3, reason).executeUpdate();
            em.createNativeQuery("""
                    UPDATE message SET delivery_state = 'failed', failure_reason = ?2
                     WHERE id = ?1 AND delivery_state = 'pending'
                    """).setParameter(1, d.messageId())
                    .setParameter(2, "not sent after " + attempts + " attempts: " + reason).executeUpdate();
        } else {
            em.createNativeQuery("""
                    UPDATE outbox SET attempts = ?2, last_error = ?3,
                           next_attempt_at = now() + make_interval(secs => ?4)
                     WHERE id = ?1
                    """).setParameter(1, d.outboxId()).setParameter(2, attempts).setParameter(3, reason)
                    .setParameter(4, (double) (1L << attempts)).executeUpdate();
        }
    }
}
