package io.rectify.audit.web;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Only the audit administrator reads the full record (三员分立). The same rule as the
 * controllers' {@code @PreAuthorize}, checked here as well so that it holds whether method
 * security is on or not. The audit module reads the signed-in user from Spring Security itself:
 * the modules that write audit entries (security among them) must not become its dependencies.
 */
final class AuditAdministrator {

    static final String AUTHORITY = "ROLE_AUDIT_ADMIN";

    private AuditAdministrator() {
    }

    /** the name of the signed-in audit administrator, or 403 */
    static String require(Authentication authentication) {
        boolean auditor = authentication != null && authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).anyMatch(AUTHORITY::equals);
        if (!auditor) {
            throw new AccessDeniedException("only the audit administrator reads the audit record");
        }
        return authentication.getName();
    }
}
