package io.rectify.directory;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "app_user")
public class AppUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "display_name")
    private String displayName;

    @Enumerated(EnumType.STRING)
    private Role role;

    @Column(name = "org_code")
    private String orgCode;

    private boolean enabled;

    @Column(name = "created_at")
    private Instant createdAt;

    /** Failed logins since the last success or lock; at the limit the account locks for a while. */
    @Column(name = "failed_logins")
    private int failedLogins;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    /** Set for an account an administrator created: its user chooses a password of their own first. */
    @Column(name = "must_change_password")
    private boolean mustChangePassword;

    @Column(name = "password_changed_at")
    private Instant passwordChangedAt;

    /** where mail for this person goes; null when they have given none */
    private String mail;

    /** false while the security administrator has not approved an account the system administrator created */
    private boolean approved;

    protected AppUser() {
    }

    public AppUser(String username, String passwordHash, String displayName, Role role, String orgCode, Instant createdAt) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.role = role;
        this.orgCode = orgCode;
        this.enabled = true;
        this.approved = true;
        this.createdAt = createdAt;
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    public String orgCode() {
        return orgCode;
    }

    public boolean enabled() {
        return enabled;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public int failedLogins() {
        return failedLogins;
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    public Instant passwordChangedAt() {
        return passwordChangedAt;
    }

    /** An account an administrator created: usable only after its user has chosen a new password. */
    public AppUser requirePasswordChange() {
        this.mustChangePassword = true;
        return this;
    }

    /**
     * An account the system administrator created (or changed): it cannot sign in until the
     * security administrator approves it, so no one administrator makes a business user alone.
     */
    public AppUser pendingApproval() {
        this.approved = false;
        return this;
    }

    public boolean approved() {
        return approved;
    }

    public String mail() {
        return mail;
    }

    /** The address mail for this person goes to; null or blank for none. */
    public AppUser changeMail(String address) {
        this.mail = address == null || address.isBlank() ? null : address.strip();
        return this;
    }

    /**
     * The security administrator approves the account and gives it its first password, which the
     * user must change at first sign-in; the system administrator never knows it.
     */
    public void approve(String initialPasswordHash, Instant now) {
        approved = true;
        passwordHash = initialPasswordHash;
        passwordChangedAt = now;
        mustChangePassword = true;
    }

    /**
     * Counts a failed login; at {@code limit} failures the account locks until {@code now + lockFor}
     * and the count starts again. Answers whether this failure locked the account.
     */
    public boolean loginFailed(Instant now, int limit, Duration lockFor) {
        failedLogins++;
        if (failedLogins >= limit) {
            failedLogins = 0;
            lockedUntil = now.plus(lockFor);
            return true;
        }
        return false;
    }

    public void loginSucceeded() {
        failedLogins = 0;
    }

    public void unlock() {
        failedLogins = 0;
        lockedUntil = null;
    }

    /** The system administrator's edit: a new role or body also needs {@link #pendingApproval()}. */
    public void change(String displayName, Role role, String orgCode) {
        this.displayName = displayName;
        this.role = role;
        this.orgCode = orgCode;
    }

    public void disable() {
        enabled = false;
    }

    public void enable() {
        enabled = true;
    }

    public void changePassword(String newHash, Instant now) {
        passwordHash = newHash;
        passwordChangedAt = now;
        mustChangePassword = false;
    }

    /** A new encoding of the same password (a stronger hash), not a change of password. */
    public void rehashPassword(String newHash) {
        passwordHash = newHash;
    }
}
