package com.teaminbox.server.outbox;

import com.teaminbox.server.attachment.Attachment;
import com.teaminbox.server.attachment.AttachmentStore;
import com.teaminbox.server.audit.AuditTrail;
import com.teaminbox.server.conversation.ConversationConflict;
import com.teaminbox.server.conversation.ConversationNotFound;
import com.teaminbox.server.conversation.Viewer;
import com.teaminbox.server.device.session.DeviceSessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * A reply is a message row and an outbox row written in one transaction; the
 * {@link OutboxDispatcher} sends it afterwards from the device named in the outbox row, which
 * is always the replying agent's own. There is no fallback to another agent's device: the
 * customer must see who answered, and the audit must be able to say which device sent what.
 */
@ApplicationScoped
public class ReplyService {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "inbox")
    private EntityManager em;

    @Inject
    private AuditTrail audit;

    @Inject
    private DeviceSessions sessions;

    @Inject
    private AttachmentStore attachments;

    /** The stored reply: its message id and the network id it goes out with. */
    public record QueuedReply(long messageId, String networkMessageId, long deviceId, Long agentId) {
    }

    /**
     * Stores the viewer's reply for sending. An unassigned conversation becomes the viewer's
     * (replying is claiming); a resolved one must be reopened first.
     */
    @Transactional
    public QueuedReply reply(Viewer viewer, long conversationId, String text) {
        return reply(viewer, conversationId, text, null);
    }

    /**
     * A reply with a file (already encrypted and on the media host) and an optional caption:
     * the same rules, the same single transaction with its attachment row.
     */
    @Transactional
    public QueuedReply reply(Viewer viewer, long conversationId, String text, Attachment attachment) {
        Object[] row = replyTarget(viewer, conversationId, true);
        long account = ((Number) row[0]).longValue();
        long device = connectedDeviceOf(viewer, account, (String) row[3]);
        if (row[1] == null) {
            em.createNativeQuery("UPDATE conversation SET assignee_id = ?1, assigned_at = now() WHERE id = ?2")
                    .setParameter(1, viewer.agentId()).setParameter(2, conversationId).executeUpdate();
            em.createNativeQuery("INSERT INTO conversation_event (conversation_id, kind, actor, to_agent_id) VALUES (?1, 'claimed', ?2, ?3)")
                    .setParameter(1, conversationId).setParameter(2, viewer.username()).setParameter(3, viewer.agentId())
                    .executeUpdate();
            audit.record(viewer.username(), "conversation.claimed", "conversation", Long.toString(conversationId),
                    Long.toString(device), "by replying");
        }
        QueuedReply queued = queue(account, conversationId, device, viewer.agentId(), text, attachment);
        em.createNativeQuery("UPDATE conversation SET first_response_at = COALESCE(first_response_at, now()) WHERE id = ?1")
                .setParameter(1, conversationId).executeUpdate();
        audit.record(viewer.username(), "message.sent", "conversation", Long.toString(conversationId),
                Long.toString(device), "message=" + queued.messageId() + " network-id=" + queued.networkMessageId()
                        + (attachment == null ? "" : " attachment=" + attachment.mimeType() + " " + attachment.length() + " bytes"));
        return queued;
    }

    /**
     * Fails as {@link #reply} would, without writing: checked before a file is uploaded, so a
     * refused reply leaves nothing on the media host either.
     */
    @Transactional
    public void checkCanReply(Viewer viewer, long conversationId) {
        Object[] row = replyTarget(viewer, conversationId, false);
        connectedDeviceOf(viewer, ((Number) row[0]).longValue(), (String) row[3]);
    }

    /** account, assignee, status, business number of a conversation the viewer may reply in. */
    private Object[] replyTarget(Viewer viewer, long conversationId, boolean lock) {
        List<?> rows = em.createNativeQuery("""
                SELECT c.account_id, c.assignee_id, c.status, b.phone_number
                  FROM conversation c JOIN business_account b ON b.id = c.account_id
                 WHERE c.id = :id AND """ + Viewer.SEES_C + (lock ? " FOR UPDATE OF c" : ""))
                .setParameter("id", conversationId).setParameter("me", viewer.agentId())
                .setParameter("manager", viewer.manager()).getResultList();
        if (rows.isEmpty()) {
            throw new ConversationNotFound(conversationId);
        }
        Object[] row = (Object[]) rows.get(0);
        if ("resolved".equals(row[2])) {
            throw new ConversationConflict("Conversation " + conversationId + " is resolved; reopen it before replying.");
        }
        return row;
    }

    /** The out-of-hours answer, sent from the device that stored the customer's message. */
    @Transactional
    public void queueAutomaticReply(long conversationId, long deviceId, String text) {
        Number account = (Number) em.createNativeQuery("SELECT account_id FROM conversation WHERE id = ?1")
                .setParameter(1, conversationId).getSingleResult();
        QueuedReply queued = queue(account.longValue(), conversationId, deviceId, null, text, null);
        audit.record("routing", "message.automatic-reply", "conversation", Long.toString(conversationId),
                Long.toString(deviceId), "message=" + queued.messageId());
    }

    private QueuedReply queue(long account, long conversationId, long device, Long agent, String text, Attachment attachment) {
        String networkId = newNetworkMessageId();
        Number message = (Number) em.createNativeQuery("""
                INSERT INTO message (account_id, conversation_id, direction, network_message_id, device_id, sent_from,
                                     agent_id, body, media_reference, delivery_state, sent_at)
                VALUES (?1, ?2, 'outbound', ?3, ?4, 'companion', CAST(?5 AS bigint), CAST(?6 AS text), CAST(?7 AS varchar),
                        'pending', now())
                RETURNING id
                """).setParameter(1, account).setParameter(2, conversationId).setParameter(3, networkId)
                .setParameter(4, device).setParameter(5, agent).setParameter(6, text)
                .setParameter(7, attachment == null ? null : attachment.summary()).getSingleResult();
        if (attachment != null) {
            attachments.store(message.longValue(), attachment);
        }
        em.createNativeQuery("INSERT INTO outbox (message_id, device_id) VALUES (?1, ?2)")
                .setParameter(1, message.longValue()).setParameter(2, device).executeUpdate();
        return new QueuedReply(message.longValue(), networkId, device, agent);
    }

    private long connectedDeviceOf(Viewer viewer, long account, String businessNumber) {
        List<?> devices = em.createNativeQuery(
                        "SELECT id FROM companion_device WHERE agent_id = ?1 AND account_id = ?2 AND state = 'connected'")
                .setParameter(1, viewer.agentId()).setParameter(2, account).getResultList();
        if (devices.isEmpty() || !sessions.isConnected(((Number) devices.get(0)).longValue())) {
            throw new NoConnectedDevice("Your device is not connected to " + businessNumber
                    + ", so the reply was not sent: replies leave only from your own linked device."
                    + " Ask an admin to link or reconnect it.");
        }
        return ((Number) devices.get(0)).longValue();
    }

    /** Network message ids are unique per account; 64 random bits with our prefix are plenty. */
    static String newNetworkMessageId() {
        byte[] bytes = new byte[10];
        RANDOM.nextBytes(bytes);
        return "TI" + HexFormat.of().withUpperCase().formatHex(bytes);
    }
}
