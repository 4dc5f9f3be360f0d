package io.rectify.system.security;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** Too many failed logins from this address: refused before any password is checked. */
public class AddressThrottledException extends AuthenticationException {

    private final Duration retryAfter;

    AddressThrottledException(Duration retryAfter) {
        super("登录失败次数过多，请 " + minutes(retryAfter) + " 分钟后再试 / Too many failed logins from this address: try again in "
                + minutes(retryAfter) + " minute(s)");
        this.retryAfter = retryAfter;
    }

    long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    private static long minutes(Duration d) {
        return Math.max(1, (d.toSeconds() + 59) / 60);
    }
}
