package io.rectify.system.security;

import org.springframework.security.authentication.AccountExpiredException;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Every password check, form or HTTP Basic, passes here: an address that has failed too often is
 * refused before any hash is computed, each failure counts against the address and the account
 * (which locks at the limit), and both are audited; the right password of a locked or disabled
 * account is refused but is no guess, so it does not count against the address. The check itself
 * is {@link VerifiedCredentials}.
 */
final class GuardedLogin implements AuthenticationProvider {

    private final VerifiedCredentials credentials;
    private final LoginThrottle throttle;
    private final Accounts accounts;

    GuardedLogin(VerifiedCredentials credentials, LoginThrottle throttle, Accounts accounts) {
        this.credentials = credentials;
        this.throttle = throttle;
        this.accounts = accounts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String address = addressOf(authentication);
        var wait = throttle.refused(address);
        if (wait.isPresent()) {
            accounts.loginRefusedWhileThrottled(authentication.getName(), address);
            throw new AddressThrottledException(wait.get());
        }
        try {
            boolean form = authentication.getDetails() instanceof FormLogin;
            Authentication done = credentials.authenticate(authentication, () -> {
                if (!form) {
                    // an HTTP Basic client sends its password on every call: recorded when it is checked, every few minutes
                    accounts.loginSucceeded(authentication.getName(), address, "HTTP Basic");
                }
            });
            if (form) {
                accounts.loginSucceeded(authentication.getName(), address, "form");
            }
            return done;
        } catch (BadCredentialsException e) {
            accounts.loginFailed(authentication.getName(), address, "wrong username or password", throttle.failed(address));
            throw e;
        } catch (AccountStatusException e) {
            // the password was right (it is checked first): no guess, so nothing counts against the account or the address
            accounts.loginRefused(authentication.getName(), address, e instanceof LockedException ? "account locked"
                    : e instanceof AccountExpiredException ? "account pending approval" : "account disabled");
            throw e;
        } catch (InternalAuthenticationServiceException e) {
            // the account could not be looked up (the database out of reach, most often): no answer about the
            // credentials at all, so not a 401 that tells a client its password is wrong. Handed on as it
            // came, it reaches the database-outage filter, which answers 503 with Retry-After
            if (e.getCause() instanceof RuntimeException lookupFailure) {
                throw lookupFailure;
            }
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return credentials.supports(authentication);
    }

    /** The details of a sign-in through the login page, told apart from HTTP Basic. */
    static final class FormLogin extends WebAuthenticationDetails {

        FormLogin(jakarta.servlet.http.HttpServletRequest request) {
            super(request);
        }
    }

    static String addressOf(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    }
}
