package io.rectify.supervision;

import static io.rectify.process.CaseVariables.DECISION;

import java.util.Map;

import io.rectify.directory.Actor;
import io.rectify.process.CaseTasks;
import io.rectify.process.Routing;
import io.rectify.process.TaskHandler;
import org.springframework.stereotype.Component;

/** The supervision body decides on the escalated case: sanctions to record, or none. */
@Component
class ReviewEscalationHandler implements TaskHandler {

    private final SupervisionReviews reviews;

    ReviewEscalationHandler(SupervisionReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public String taskKey() {
        return CaseTasks.REVIEW_ESCALATION;
    }

    @Override
    public Routing handle(String caseId, Actor actor, Map<String, Object> values) {
        ReviewDecision decision = reviews.decide(caseId, actor, (String) values.get("decision"),
                (String) values.get("findings"));
        return Routing.of(DECISION, decision.name());
    }
}
