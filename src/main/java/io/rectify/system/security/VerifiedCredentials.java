package io.rectify.system.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsChecker;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks a password with the adaptive hash once, then remembers for a few minutes that this
 * user gave this password: an API client sending HTTP Basic on every call (API.md: up to 50 a
 * second) is not held up by a deliberately slow hash each time. What is remembered is an HMAC
 * of the credentials under a key that lives only in this process, with the stored hash it was
 * checked against: a changed password or a disabled account takes effect at once, and a wrong
 * password is never remembered. A locked or disabled account is refused whatever is remembered.
 * An {@link org.springframework.security.authentication.AccountStatusException} therefore always
 * means that the password was right.
 */
final class VerifiedCredentials implements AuthenticationProvider {

    static final Duration REMEMBERED_FOR = Duration.ofMinutes(5);

    private final DaoAuthenticationProvider slowCheck;
    private final UserDetailsService users;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    VerifiedCredentials(UserDetailsService users, PasswordEncoder passwords, Clock clock) {
        this.slowCheck = new DaoAuthenticationProvider(passwords);
        this.slowCheck.setUserDetailsService(users);
        // the password is checked before the account's state: a locked or disabled account costs the same
        // time as any other and says so only to whoever knows its password, so a wrong guess at a locked
        // account reads exactly as a wrong guess at an unknown name
        this.slowCheck.setPreAuthenticationChecks(user -> { });
        this.slowCheck.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        if (users instanceof UserDetailsPasswordService upgrades) {
            // a hash of an older or weaker encoding is replaced at the next successful login
            this.slowCheck.setUserDetailsPasswordService(upgrades);
        }
        this.users = users;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    private final UserDetailsChecker accountStatus = new AccountStatusUserDetailsChecker();

    @Override
    public Authentication authenticate(Authentication authentication) {
        return authenticate(authentication, () -> { });
    }

    /** As {@link #authenticate(Authentication)}, telling {@code onSlowCheckPassed} when the hash was checked and matched. */
    Authentication authenticate(Authentication authentication, Runnable onSlowCheckPassed) {
        String username = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        Remembered known = remembered.get(username);
        if (known != null && clock.instant().isBefore(known.until())) {
            UserDetails user = users.loadUserByUsername(username);
            if (known.passwordHash().equals(user.getPassword())
                    && MessageDigest.isEqual(known.proof(), proof(username, password))) {
                accountStatus.check(user);
                return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
            }
        }
        remembered.remove(username);
        Authentication checked = slowCheck.authenticate(authentication);
        UserDetails user = (UserDetails) checked.getPrincipal();
        remembered.put(username, new Remembered(proof(username, password), user.getPassword(),
                clock.instant().plus(REMEMBERED_FOR)));
        onSlowCheckPassed.run();
        return checked;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private byte[] proof(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal((username + '\0' + password).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Remembered(byte[] proof, String passwordHash, Instant until) {
    }
}
