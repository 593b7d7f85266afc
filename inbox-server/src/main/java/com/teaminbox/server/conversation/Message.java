package com.teaminbox.server.conversation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A message in a conversation, stored once per network message id and account. Outbound
 * messages name the device they left from and the agent who wrote them; sentFrom says
 * whether that was a companion, the primary phone or another device.
 */
@Entity
@Table(name = "message")
public class Message {

    @Id
    private Long id;

    @Column(name = "conversation_id", nullable = false)
    private long conversationId;

    @Column(nullable = false)
    private String direction;

    @Column(name = "network_message_id", nullable = false)
    private String networkMessageId;

    @Column(name = "device_id")
    private Long deviceId;

    @Column(name = "sent_from", nullable = false)
    private String sentFrom;

    @Column(name = "agent_id")
    private Long agentId;

    private String body;

    @Column(name = "media_reference")
    private String mediaReference;

    @Column(name = "delivery_state", nullable = false)
    private String deliveryState;

    @Column(name = "failure_reason")
    private String failureReason;

    @Column(name = "sent_at", nullable = false)
    private Instant sentAt;

    protected Message() {
    }

    public long id() {
        return id;
    }

    public long conversationId() {
        return conversationId;
    }

    public String direction() {
        return direction;
    }

    public String networkMessageId() {
        return networkMessageId;
    }

    public Long deviceId() {
        return deviceId;
    }

    public String sentFrom() {
        return sentFrom;
    }

    public Long agentId() {
        return agentId;
    }

    public String body() {
        return body;
    }

    public String mediaReference() {
        return mediaReference;
    }

    public String deliveryState() {
        return deliveryState;
    }

    /** Why a reply could not be delivered (delivery state failed). */
    public String failureReason() {
        return failureReason;
    }

    public Instant sentAt() {
        return sentAt;
    }
}
