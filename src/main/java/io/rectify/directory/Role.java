package io.rectify.directory;

/** What a user does in the product (DOMAIN.md "Who uses it"). */
public enum Role {
    SUPERVISOR, RESPONDER, SUPERVISION, ADMIN
}
