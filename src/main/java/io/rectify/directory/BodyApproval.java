package io.rectify.directory;

import java.util.Comparator;
import java.util.List;

import io.rectify.audit.AuditLog;
import io.rectify.kernel.ConflictException;
import io.rectify.kernel.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The security administrator's approval of the offices and supervision bodies the system
 * administrator creates (三员分立): without it, whoever keeps the directory could make a supervision
 * body, give it an account and read every sanction. The same rule as for accounts
 * ({@code Accounts.approve}), one level up.
 */
@Service
@Transactional
public class BodyApproval {

    private final OrganizationRepository organizations;
    private final AuditLog audit;

    BodyApproval(OrganizationRepository organizations, AuditLog audit) {
        this.organizations = organizations;
        this.audit = audit;
    }

    /** The bodies awaiting approval, by region then code. */
    @Transactional(readOnly = true)
    public List<Organization> pending(Actor securityAdmin) {
        requireSecurityAdmin(securityAdmin);
        return organizations.findAll().stream().filter(body -> !body.approved())
                .sorted(Comparator.comparing(Organization::regionCode).thenComparing(Organization::code))
                .toList();
    }

    /**
     * Approves a pending body: from now on it opens cases, is chosen as respondent, receives its
     * tasks, and its accounts may be approved.
     *
     * @throws NotFoundException when there is no such body
     * @throws ConflictException when the body is not pending (approved already, perhaps a moment ago)
     */
    public Organization approve(Actor securityAdmin, String code) {
        requireSecurityAdmin(securityAdmin);
        Organization body = organizations.findById(code).orElseThrow(() -> new NotFoundException("body " + code));
        if (body.approved()) {
            throw new ConflictException("单位 " + code + " 无需批准 / The body " + code + " is not pending");
        }
        body.approve();
        audit.record(securityAdmin.username(), "BODY_APPROVED", null, code + " " + body.kind() + " in "
                + body.regionCode() + ": " + body.nameZh());
        return body;
    }

    private static void requireSecurityAdmin(Actor actor) {
        if (actor == null || actor.role() != Role.SECURITY_ADMIN) {
            throw new AccessDeniedException("bodies are approved by the security administrator");
        }
    }
}
