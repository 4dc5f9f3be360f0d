package io.rectify.supervision;

import io.rectify.casefile.CaseService;
import io.rectify.casefile.RectificationCase;
import io.rectify.casefile.ReviewStatus;
import io.rectify.directory.Actor;
import io.rectify.directory.Role;
import io.rectify.kernel.ConflictException;
import io.rectify.kernel.ForbiddenException;
import io.rectify.kernel.InvalidInputException;
import org.apache.commons.lang3.EnumUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supervision authority's review of an escalated case (监察机关审查). It runs beside
 * rectification, never instead of it: the case closes when both are done.
 */
@Service
@Transactional
public class SupervisionReviews {

    private final CaseService cases;

    SupervisionReviews(CaseService cases) {
        this.cases = cases;
    }

    /** Records the decision on a pending review, by a supervision body that may see the case. */
    public ReviewDecision decide(String caseId, Actor actor, String decision, String findings) {
        if (actor.role() != Role.SUPERVISION) {
            throw new ForbiddenException("only a supervision body reviews escalated cases");
        }
        RectificationCase c = cases.visible(actor, caseId);
        if (c.reviewStatus() != ReviewStatus.PENDING) {
            throw new ConflictException("no supervision review is pending on this case");
        }
        ReviewDecision parsed = EnumUtils.getEnum(ReviewDecision.class, decision);
        if (parsed == null) {
            throw InvalidInputException.of("decision", "review.decision", "审查结论应为 SANCTION 或 NO_SANCTION");
        }
        cases.recordReview(caseId, actor, parsed.name(), findings);
        return parsed;
    }

    /** The review ended (no sanction, or the sanctions are recorded). */
    public void finish(String caseId) {
        cases.finishReview(caseId);
    }
}
