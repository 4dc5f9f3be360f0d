package io.rectify.directory;

/**
 * What a user does in the product (DOMAIN.md "Who uses it"). The administrators are three
 * (三员分立): {@code ADMIN} runs the system (bodies, users, websites, calendar, jobs),
 * {@code SECURITY_ADMIN} keeps accounts and their locks, {@code AUDIT_ADMIN} alone reads and
 * verifies the whole audit record. None of them reads cases.
 */
public enum Role {
    SUPERVISOR, RESPONDER, SUPERVISION, ADMIN, SECURITY_ADMIN, AUDIT_ADMIN;

    public boolean administers() {
        return this == ADMIN || this == SECURITY_ADMIN || this == AUDIT_ADMIN;
    }
}
