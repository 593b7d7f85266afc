package com.teaminbox.server.queue;

import com.teaminbox.server.routing.RoutingPolicy;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalTime;

/**
 * A queue of conversations of one account (sales, support, ...) with its routing policy, SLA
 * and business hours. Named InboxQueue to stay clear of java.util.Queue.
 */
@Entity
@Table(name = "queue")
public class InboxQueue {

    @Id
    private Long id;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Column(nullable = false)
    private String name;

    @Column(name = "routing_policy", nullable = false)
    private String routingPolicy;

    @Column(name = "is_default", nullable = false)
    private boolean defaultQueue;

    @Column(name = "sla_seconds")
    private Integer slaSeconds;

    @Column(name = "time_zone", nullable = false)
    private String timeZone;

    @Column(name = "opens_at")
    private LocalTime opensAt;

    @Column(name = "closes_at")
    private LocalTime closesAt;

    protected InboxQueue() {
    }

    public long id() {
        return id;
    }

    public long accountId() {
        return accountId;
    }

    public String name() {
        return name;
    }

    public RoutingPolicy routingPolicy() {
        return RoutingPolicy.of(routingPolicy);
    }

    public boolean isDefault() {
        return defaultQueue;
    }

    public Integer slaSeconds() {
        return slaSeconds;
    }

    public String timeZone() {
        return timeZone;
    }

    public LocalTime opensAt() {
        return opensAt;
    }

    public LocalTime closesAt() {
        return closesAt;
    }
}
