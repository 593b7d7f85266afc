package com.teaminbox.server.conversation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One thread with one contact on one account. Changes of assignee and status are conditional
 * UPDATEs in {@link ConversationActions} and the routing service, never read-modify-write on
 * this entity, so that two agents acting at once cannot both win.
 */
@Entity
@Table(name = "conversation")
public class Conversation {

    @Id
    private Long id;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Column(name = "contact_id", nullable = false)
    private long contactId;

    @Column(name = "queue_id", nullable = false)
    private long queueId;

    @Column(nullable = false)
    private String status;

    @Column(name = "assignee_id")
    private Long assigneeId;

    @Column(nullable = false)
    private short priority;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "assigned_at")
    private Instant assignedAt;

    @Column(name = "first_response_at")
    private Instant firstResponseAt;

    @Column(name = "last_customer_message_at")
    private Instant lastCustomerMessageAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    protected Conversation() {
    }

    public long id() {
        return id;
    }

    public long accountId() {
        return accountId;
    }

    public long contactId() {
        return contactId;
    }

    public long queueId() {
        return queueId;
    }

    public ConversationStatus status() {
        return ConversationStatus.of(status);
    }

    public Long assigneeId() {
        return assigneeId;
    }

    public int priority() {
        return priority;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Instant assignedAt() {
        return assignedAt;
    }

    public Instant firstResponseAt() {
        return firstResponseAt;
    }

    public Instant lastCustomerMessageAt() {
        return lastCustomerMessageAt;
    }

    public Instant resolvedAt() {
        return resolvedAt;
    }
}
