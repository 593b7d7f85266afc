package com.teaminbox.server.contact;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A customer who writes to a business account; known by phone number within the account. */
@Entity
@Table(name = "contact")
public class Contact {

    @Id
    private Long id;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Column(name = "phone_number", nullable = false)
    private String phoneNumber;

    @Column(name = "display_name")
    private String displayName;

    protected Contact() {
    }

    public long id() {
        return id;
    }

    public long accountId() {
        return accountId;
    }

    public String phoneNumber() {
        return phoneNumber;
    }

    public String displayName() {
        return displayName;
    }
}
