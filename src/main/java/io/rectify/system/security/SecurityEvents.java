package io.rectify.system.security;

import io.rectify.audit.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the audit record keeps of security beside the business changes: sign-outs, refused access
 * (a 403 or 404 on a case, a task or anything else), CSRF refusals. Each entry is written in a
 * transaction of its own, because the request it records has failed or is ending.
 */
@Service
public class SecurityEvents {

    private final AuditLog audit;

    SecurityEvents(AuditLog audit) {
        this.audit = audit;
    }

    /** A refused request: {@code action} with the caller, the method, the path and the status. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void refused(HttpServletRequest request, String action, int status) {
        audit.record(actorOf(request), action, null, request.getMethod() + " " + request.getRequestURI() + ": " + status
                + " from " + request.getRemoteAddr());
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void signedOut(String username, String address) {
        audit.record(username, "LOGOUT", null, "from " + address);
    }

    /** The signed-in caller, read from the security context (a refusal by a filter comes before the request knows it). */
    private static String actorOf(HttpServletRequest request) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        return caller == null || caller instanceof AnonymousAuthenticationToken || !caller.isAuthenticated()
                ? "anonymous" : caller.getName();
    }
}
