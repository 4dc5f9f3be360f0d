package io.rectify.casefile;

import io.rectify.directory.Actor;
import io.rectify.directory.Directory;
import io.rectify.directory.Role;
import org.springframework.stereotype.Component;

/**
 * Who may see a case (API.md): offices the cases of their region and below, a body its own
 * cases as respondent, supervision the escalated cases of its region and below. The
 * administrator runs the system and sees no case. The case list says the same in SQL
 * ({@link CaseSearch}); a test of every actor against cases opened from every office
 * ({@code CaseVisibilityAgreementTests}) keeps the two one rule.
 */
@Component
public class CaseAccess {

    private final Directory directory;

    CaseAccess(Directory directory) {
        this.directory = directory;
    }

    public boolean canSee(Actor actor, RectificationCase c) {
        if (actor.role() == null || actor.orgCode() == null) {
            return false;
        }
        if (actor.orgCode().equals(c.respondentOrgCode()) || actor.orgCode().equals(c.openedByOrgCode())) {
            return !actor.role().administers();
        }
        return switch (actor.role()) {
            case SUPERVISOR -> directory.isWithin(c.regionCode(), actor.regionCode());
            case SUPERVISION -> c.escalated() && directory.isWithin(c.regionCode(), actor.regionCode());
            case RESPONDER, ADMIN, SECURITY_ADMIN, AUDIT_ADMIN -> false;
        };
    }

    /** Sanction records name officials: only the supervision bodies over the case's region read them. */
    public boolean canSeeSanctions(Actor actor, RectificationCase c) {
        return actor.role() == Role.SUPERVISION && canSee(actor, c);
    }

    /**
     * Whether the caller reads what the supervision review found and decided, and who read the
     * sanctions: the review names officials, so only those who may read the sanctions do; the
     * respondent and the offices see that a review was decided, nothing more.
     */
    public boolean canSeeReviewFindings(Actor actor, RectificationCase c) {
        return canSeeSanctions(actor, c);
    }
}
