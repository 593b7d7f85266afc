package com.teaminbox.server.conversation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A note agents leave for each other in a conversation; the customer never sees it. */
@Entity
@Table(name = "internal_note")
public class InternalNote {

    @Id
    private Long id;

    @Column(name = "conversation_id", nullable = false)
    private long conversationId;

    @Column(name = "agent_id", nullable = false)
    private long agentId;

    @Column(nullable = false)
    private String body;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected InternalNote() {
    }

    public long id() {
        return id;
    }

    public long conversationId() {
        return conversationId;
    }

    public long agentId() {
        return agentId;
    }

    public String body() {
        return body;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
