package com.teaminbox.server.agent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A person known to the inbox. Keycloak owns the identity; this row is created the first
 * time the person calls the API and carries what the inbox needs about them.
 */
@Entity
@Table(name = "agent")
public class Agent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String subject;

    @Column(nullable = false, unique = true)
    private String username;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    private String email;

    @Column(nullable = false)
    private String roles;

    @Column(name = "first_seen_at", nullable = false)
    private Instant firstSeenAt;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    /** How many open conversations routing may give this agent at once. */
    @Column(nullable = false)
    private int capacity;

    @Column(nullable = false)
    private String status;

    /** Set by an administrator: no sign-in, no API calls, no routing. */
    @Column(nullable = false)
    private boolean disabled;

    protected Agent() {
    }

    public Long id() {
        return id;
    }

    public String subject() {
        return subject;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public String email() {
        return email;
    }

    public List<String> roles() {
        return roles.isBlank() ? List.of() : Arrays.asList(roles.split(","));
    }

    public Instant firstSeenAt() {
        return firstSeenAt;
    }

    public Instant lastSeenAt() {
        return lastSeenAt;
    }

    public int capacity() {
        return capacity;
    }

    public AgentStatus status() {
        return AgentStatus.of(status);
    }

    public boolean disabled() {
        return disabled;
    }
}
