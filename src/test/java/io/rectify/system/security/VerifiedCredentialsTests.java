package io.rectify.system.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class VerifiedCredentialsTests {

    final Map<String, UserDetails> store = new HashMap<>();
    final AtomicInteger slowChecks = new AtomicInteger();
    final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            slowChecks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    };
    final MovableClock clock = new MovableClock(Instant.parse("2026-11-27T00:00:00Z"));
    VerifiedCredentials credentials;

    @BeforeEach
    void setUp() {
        store.put("jx.edu", user("Right-Pass1", true));
        credentials = new VerifiedCredentials(name -> {
            UserDetails found = store.get(name);
            if (found == null) {
                throw new UsernameNotFoundException(name);
            }
            return found;
        }, counting, clock);
    }

    @Test
    void theSlowHashIsCheckedOnceThenRememberedForAFewMinutes() {
        assertThat(signIn("Right-Pass1").isAuthenticated()).isTrue();
        assertThat(signIn("Right-Pass1").isAuthenticated()).isTrue();
        assertThat(slowChecks).hasValue(1);

        clock.now = clock.now.plus(VerifiedCredentials.REMEMBERED_FOR).plusSeconds(1);
        signIn("Right-Pass1");
        assertThat(slowChecks).hasValue(2);
    }

    @Test
    void aWrongPasswordIsAlwaysCheckedAndRefused() {
        signIn("Right-Pass1");
        assertThatThrownBy(() -> signIn("Wrong-Pass1")).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> signIn("Wrong-Pass1")).isInstanceOf(BadCredentialsException.class);
        assertThat(slowChecks).hasValue(3);
    }

    @Test
    void aChangedPasswordTakesEffectAtOnce() {
        signIn("Right-Pass1");
        store.put("jx.edu", user("New-Pass22", true));
        assertThatThrownBy(() -> signIn("Right-Pass1")).isInstanceOf(BadCredentialsException.class);
        assertThat(signIn("New-Pass22").isAuthenticated()).isTrue();
    }

    @Test
    void aDisabledAccountIsRefusedAtOnce() {
        signIn("Right-Pass1");
        UserDetails enabled = store.get("jx.edu");
        store.put("jx.edu", User.withUserDetails(enabled).disabled(true).build());
        assertThatThrownBy(() -> signIn("Right-Pass1")).isInstanceOf(DisabledException.class);
    }

    @Test
    void aLockedAccountIsRefusedAlthoughItsPasswordIsRemembered() {
        signIn("Right-Pass1");
        UserDetails open = store.get("jx.edu");
        store.put("jx.edu", User.withUserDetails(open).accountLocked(true).build());
        assertThatThrownBy(() -> signIn("Right-Pass1")).isInstanceOf(LockedException.class);
        assertThat(slowChecks).as("refused from memory, before any hash").hasValue(1);

        store.put("jx.edu", open);
        assertThat(signIn("Right-Pass1").isAuthenticated()).isTrue();
    }

    private org.springframework.security.core.Authentication signIn(String password) {
        return credentials.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("jx.edu", password));
    }

    private UserDetails user(String password, boolean enabled) {
        return User.withUsername("jx.edu").password(bcrypt.encode(password)).roles("RESPONDER").disabled(!enabled).build();
    }

    static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
