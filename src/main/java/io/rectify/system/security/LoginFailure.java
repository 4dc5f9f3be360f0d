package io.rectify.system.security;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AccountExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;

/**
 * Why a sign-in through the login page failed, carried in the address back to it
 * ({@code /login?error=locked}) instead of a session: a refused visitor gets no session row.
 * "locked", "disabled" and "pending" are told only to whoever gave the account's right password (see
 * {@link VerifiedCredentials}), so the page says nothing about names one does not know the password of.
 */
public final class LoginFailure {

    /** The reasons the login page knows, as they appear after {@code error=}. */
    static final String LOCKED = "locked";
    static final String DISABLED = "disabled";
    static final String PENDING = "pending";
    static final String THROTTLED = "throttled";
    static final String FAILED = "failed";
    private static final Set<String> REASONS = Set.of(LOCKED, DISABLED, PENDING, THROTTLED, FAILED);

    private LoginFailure() {
    }

    static void redirect(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.sendRedirect(request.getContextPath() + "/login?error=" + reason(e));
    }

    static String reason(AuthenticationException e) {
        if (e instanceof LockedException) {
            return LOCKED;
        }
        if (e instanceof DisabledException) {
            return DISABLED;
        }
        if (e instanceof AccountExpiredException) {
            return PENDING;
        }
        if (e instanceof AddressThrottledException) {
            return THROTTLED;
        }
        return FAILED;
    }

    /** The login page's message for a reason given after {@code error=}; anything else reads as a plain failure. */
    public static String messageKey(String reason) {
        return "login." + (REASONS.contains(reason) ? reason : FAILED);
    }
}
