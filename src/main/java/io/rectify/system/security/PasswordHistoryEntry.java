package io.rectify.system.security;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The hash of a password an account had: a new password may not be one of the last few. */
@Entity
@Table(name = "password_history")
class PasswordHistoryEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "changed_at")
    private Instant changedAt;

    protected PasswordHistoryEntry() {
    }

    PasswordHistoryEntry(String username, String passwordHash, Instant changedAt) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.changedAt = changedAt;
    }

    String passwordHash() {
        return passwordHash;
    }
}
