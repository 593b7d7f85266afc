package com.teaminbox.server.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A business phone number the team answers; a deployment may serve several. */
@Entity
@Table(name = "business_account")
public class BusinessAccount {

    @Id
    private Long id;

    @Column(name = "phone_number", nullable = false)
    private String phoneNumber;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected BusinessAccount() {
    }

    public long id() {
        return id;
    }

    public PhoneNumber phoneNumber() {
        return new PhoneNumber(phoneNumber);
    }

    public String displayName() {
        return displayName;
    }
}
