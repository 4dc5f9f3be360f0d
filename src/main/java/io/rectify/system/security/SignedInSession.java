package io.rectify.system.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/** Keeps the signed-in session in step with the account: after a password change it is no longer held at the password page. */
@Component
class SignedInSession {

    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    /** The id of the request's session, or null when it has none (an HTTP Basic call). */
    static String idOf(HttpServletRequest request) {
        var session = request.getSession(false);
        return session == null ? null : session.getId();
    }

    void passwordChanged(HttpServletRequest request, HttpServletResponse response) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (!(current != null && current.getPrincipal() instanceof RectifyUserDetails user) || !user.mustChangePassword()) {
            return;
        }
        RectifyUserDetails changed = user.withPasswordChanged();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        UsernamePasswordAuthenticationToken replaced = UsernamePasswordAuthenticationToken.authenticated(changed, null,
                changed.getAuthorities());
        replaced.setDetails(current.getDetails());
        context.setAuthentication(replaced);
        SecurityContextHolder.setContext(context);
        if (request.getSession(false) != null) {
            sessions.saveContext(context, request, response);
        }
    }
}
