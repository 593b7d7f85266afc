package com.teaminbox.server.device;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An agent's own linked device on one business account; state changes go through {@link DeviceRegistry}. */
@Entity
@Table(name = "companion_device")
public class CompanionDevice {

    @Id
    private Long id;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Column(name = "agent_id", nullable = false)
    private long agentId;

    @Column(nullable = false)
    private String state;

    @Column(name = "device_name")
    private String deviceName;

    @Column(name = "state_changed_at", nullable = false)
    private Instant stateChangedAt;

    protected CompanionDevice() {
    }

    public long id() {
        return id;
    }

    public long accountId() {
        return accountId;
    }

    public long agentId() {
        return agentId;
    }

    public DeviceState state() {
        return DeviceState.of(state);
    }

    public String deviceName() {
        return deviceName;
    }

    public Instant stateChangedAt() {
        return stateChangedAt;
    }
}
