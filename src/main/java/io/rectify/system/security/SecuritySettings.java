package io.rectify.system.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Account protection, {@code rectify.security.*}: an account locks for {@code lockFor} after
 * {@code failedLoginsToLock} failed logins; one address is refused for a while after
 * {@code addressFailures} failures within {@code addressWindow}; a user makes at most
 * {@code exportsPerMinute} exports a minute; a user holds at most {@code sessionsPerUser} signed-in
 * sessions, a new sign-in ending the one used least recently.
 */
@ConfigurationProperties("rectify.security")
public record SecuritySettings(
        @DefaultValue("5") int failedLoginsToLock,
        @DefaultValue("10m") Duration lockFor,
        @DefaultValue("30") int addressFailures,
        @DefaultValue("10m") Duration addressWindow,
        @DefaultValue("10") int exportsPerMinute,
        @DefaultValue("5") int passwordHistory,
        @DefaultValue("3") int sessionsPerUser) {

    public SecuritySettings {
        if (sessionsPerUser < 1) {
            throw new IllegalArgumentException("rectify.security.sessions-per-user must be at least 1, not " + sessionsPerUser);
        }
    }
}
