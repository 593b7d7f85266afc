package com.teaminbox.server.conversation;

import com.teaminbox.server.queue.QueueNotFound;
import com.teaminbox.server.routing.RoutingService;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * Exactly-once ingest of customer messages. Every linked companion receives every message,
 * so up to one copy per agent arrives at the same moment. The database decides which copy
 * wins, twice: the partial unique index on open conversations lets one copy open the
 * conversation (the others wait on the index entry and then find it), and the unique
 * (account, network message id) lets one copy store the message. A losing copy rolls its
 * transaction back, so it leaves nothing behind, not even a conversation it opened.
 *
 * <p>Each call runs in its own transaction (REQUIRES_NEW): when it returns, the message is
 * committed, so the device session may acknowledge it to the network; and a losing copy's
 * rollback can never take a caller's transaction with it. Callers go through
 * {@link IngestService}, which runs a transaction again when PostgreSQL aborted it to break a
 * deadlock between concurrent routings.
 */
@ApplicationScoped
public class IngestTransaction {

    @PersistenceContext(unitName = "inbox")
    private EntityManager em;

    @Inject
    private RoutingService routing;

    @Resource
    private TransactionSynchronizationRegistry transaction;

    @Inject
    private com.teaminbox.server.attachment.AttachmentStore attachments;

    private static String summaryOf(com.teaminbox.server.attachment.Attachment attachment) {
        return attachment == null ? null : attachment.summary();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public IngestOutcome ingest(InboundMessage message, Runnable alsoInTransaction) {
        alsoInTransaction.run();
        long contact = contactOf(message);
        long[] found = findOrOpenConversation(message.accountId(), contact);
        long conversation = found[0];
        boolean opened = found[1] == 1;

        @SuppressWarnings("unchecked")
        List<Number> stored = em.createNativeQuery("""
                INSERT INTO message (account_id, conversation_id, direction, network_message_id, sent_from,
                                     body, media_reference, delivery_state, sent_at)
                VALUES (?1, ?2, 'inbound', ?3, 'customer', CAST(?4 AS text), CAST(?5 AS varchar), 'delivered', ?6)
                ON CONFLICT (account_id, network_message_id) DO NOTHING
                RETURNING id
                """).setParameter(1, message.accountId()).setParameter(2, conversation)
                .setParameter(3, message.networkMessageId()).setParameter(4, message.body())
                .setParameter(5, summaryOf(message.attachment())).setParameter(6, message.sentAt())
                .getResultList();
        if (stored.isEmpty()) {
            // Another copy stored it (and has committed: ON CONFLICT waited for it).
            transaction.setRollbackOnly();
            Number existing = (Number) em.createNativeQuery(
                            "SELECT conversation_id FROM message WHERE account_id = ?1 AND network_message_id = ?2")
                    .setParameter(1, message.accountId()).setParameter(2, message.networkMessageId()).getSingleResult();
            return new IngestOutcome(false, existing.longValue(), false, Optional.empty(), Optional.empty());
        }
        if (message.attachment() != null) {
            attachments.store(stored.get(0).longValue(), message.attachment());
        }

        em.createNativeQuery("""
                UPDATE conversation
                   SET last_customer_message_at = GREATEST(COALESCE(last_customer_message_at, ?1), ?1)
                 WHERE id = ?2
                """).setParameter(1, message.sentAt()).setParameter(2, conversation).executeUpdate();
        Optional<Long> assignee;
        Optional<String> outOfHours = Optional.empty();
        if (opened) {
            em.createNativeQuery("INSERT INTO conversation_event (conversation_id, kind, actor) VALUES (?1, 'opened', ?2)")
                    .setParameter(1, conversation).setParameter(2, RoutingService.ROUTING).executeUpdate();
            assignee = routing.route(conversation);
            if (assignee.isEmpty()) {
                outOfHours = routing.outOfHoursReply(conversation);
            }
        } else {
            assignee = currentAssignee(conversation);
        }
        return new IngestOutcome(true, conversation, opened, assignee, outOfHours);
    }

    /**
     * A message the business sent (phone, another device, or the echo of a companion's reply):
     * stored once like a customer's, in the contact's open conversation (opened if there is
     * none, and then routed like any other), attributed to its origin. It counts as the
     * team's first response.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public IngestOutcome ingestOwn(OwnMessage message, Runnable alsoInTransaction) {
        alsoInTransaction.run();
        long contact = contactOf(message.accountId(), message.contactPhone(), null);
        long[] found = findOrOpenConversation(message.accountId(), contact);
        long conversation = found[0];
        @SuppressWarnings("unchecked")
        List<Number> stored = em.createNativeQuery("""
                INSERT INTO message (account_id, conversation_id, direction, network_message_id, device_id, sent_from,
                                     agent_id, body, media_reference, delivery_state, sent_at)
                VALUES (?1, ?2, 'outbound', ?3, CAST(?4 AS bigint), ?5,
                        (SELECT agent_id FROM companion_device WHERE id = CAST(?4 AS bigint)),
                        CAST(?6 AS text), CAST(?7 AS varchar), 'sent', ?8)
                ON CONFLICT (account_id, network_message_id) DO NOTHING
                RETURNING id
                """).setParameter(1, message.accountId()).setParameter(2, conversation)
                .setParameter(3, message.networkMessageId()).setParameter(4, message.deviceId())
                .setParameter(5, message.origin().code()).setParameter(6, message.body())
                .setParameter(7, summaryOf(message.attachment())).setParameter(8, message.sentAt())
                .getResultList();
        if (stored.isEmpty()) {
            transaction.setRollbackOnly(); // the reply's own row, or another copy, is already there
            Number existing = (Number) em.createNativeQuery(
                            "SELECT conversation_id FROM message WHERE account_id = ?1 AND network_message_id = ?2")
                    .setParameter(1, message.accountId()).setParameter(2, message.networkMessageId()).getSingleResult();
            return new IngestOutcome(false, existing.longValue(), false, Optional.empty(), Optional.empty());
        }
        if (message.attachment() != null) {
            attachments.store(stored.get(0).longValue(), message.attachment());
        }
        em.createNativeQuery("UPDATE conversation SET first_response_at = COALESCE(first_response_at, ?1) WHERE id = ?2")
                .setParameter(1, message.sentAt()).setParameter(2, conversation).executeUpdate();
        Optional<Long> assignee;
        if (found[1] == 1) {
            em.createNativeQuery("INSERT INTO conversation_event (conversation_id, kind, actor) VALUES (?1, 'opened', ?2)")
                    .setParameter(1, conversation).setParameter(2, message.origin().code()).executeUpdate();
            assignee = routing.route(conversation);
        } else {
            assignee = currentAssignee(conversation);
        }
        return new IngestOutcome(true, conversation, found[1] == 1, assignee, Optional.empty());
    }

    private long contactOf(InboundMessage message) {
        return contactOf(message.accountId(), message.contactPhone(), message.contactName());
    }

    /**
     * The contact's id: looked up first, since nearly every message comes from a known contact,
     * so that storing a message takes no lock on the contact row and leaves no dead tuple.
     * Inserted only when missing (a concurrent copy may insert it first: then read again), and
     * the display name written only when a name is known and differs.
     */
    private long contactOf(long account, String phone, String name) {
        Optional<Object[]> known = findContact(account, phone);
        if (known.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Number> inserted = em.createNativeQuery("""
                    INSERT INTO contact (account_id, phone_number, display_name) VALUES (?1, ?2, CAST(?3 AS varchar))
                    ON CONFLICT (account_id, phone_number) DO NOTHING
                    RETURNING id
                    """).setParameter(1, account).setParameter(2, phone).setParameter(3, name).getResultList();
            if (!inserted.isEmpty()) {
                return inserted.get(0).longValue();
            }
            // Another transaction inserted it and committed (DO NOTHING waited for it); this
            // statement's fresh snapshot sees it.
            known = findContact(account, phone);
            if (known.isEmpty()) {
                throw new IllegalStateException("contact " + phone + " of account " + account + " neither found nor inserted");
            }
        }
        long id = ((Number) known.get()[0]).longValue();
        if (name != null && !name.equals(known.get()[1])) {
            em.createNativeQuery("""
                    UPDATE contact SET display_name = CAST(?1 AS varchar)
                     WHERE id = ?2 AND display_name IS DISTINCT FROM CAST(?1 AS varchar)
                    """)
                    .setParameter(1, name).setParameter(2, id).executeUpdate();
        }
        return id;
    }

    /** [id, display name] of the account's contact with this phone number. */
    private Optional<Object[]> findContact(long account, String phone) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT id, display_name FROM contact WHERE account_id = ?1 AND phone_number = ?2")
                .setParameter(1, account).setParameter(2, phone).getResultList();
        return rows.stream().findFirst();
    }

    /** [conversation id, 1 if this call opened it]. */
    private long[] findOrOpenConversation(long account, long contact) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<Long> open = openConversation(account, contact);
            if (open.isPresent()) {
                return new long[] {open.get(), 0};
            }
            @SuppressWarnings("unchecked")
            List<Number> opened = em.createNativeQuery("""
                    INSERT INTO conversation (account_id, contact_id, queue_id, status)
                    VALUES (?1, ?2, ?3, 'open')
                    ON CONFLICT (account_id, contact_id) WHERE status <> 'resolved' DO NOTHING
                    RETURNING id
                    """).setParameter(1, account).setParameter(2, contact).setParameter(3, defaultQueue(account))
                    .getResultList();
            if (!opened.isEmpty()) {
                return new long[] {opened.get(0).longValue(), 1};
            }
            // Another copy opened it and committed; the next statement's snapshot sees it
            // (unless it was resolved in between, in which case we open a fresh one).
        }
        throw new IllegalStateException("could not find or open a conversation for contact " + contact);
    }

    private Optional<Long> openConversation(long account, long contact) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery(
                        "SELECT id FROM conversation WHERE account_id = ?1 AND contact_id = ?2 AND status <> 'resolved'")
                .setParameter(1, account).setParameter(2, contact).getResultList();
        return ids.stream().findFirst().map(Number::longValue);
    }

    private long defaultQueue(long account) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT id FROM queue WHERE account_id = ?1 ORDER BY is_default DESC, id LIMIT 1")
                .setParameter(1, account).getResultList();
        if (ids.isEmpty()) {
            throw new QueueNotFound("for account " + account);
        }
        return ids.get(0).longValue();
    }

    private Optional<Long> currentAssignee(long conversation) {
        Object assignee = em.createNativeQuery("SELECT assignee_id FROM conversation WHERE id = ?1")
                .setParameter(1, conversation).getSingleResult();
        return Optional.ofNullable((Number) assignee).map(Number::longValue);
    }
}
