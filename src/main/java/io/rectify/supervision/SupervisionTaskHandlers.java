package io.rectify.supervision;

import static io.rectify.process.CaseVariables.DECISION;

import io.rectify.process.CaseTasks;
import io.rectify.process.Routing;
import io.rectify.process.TaskHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The supervision review's decision. */
@Configuration(proxyBeanMethods = false)
class SupervisionTaskHandlers {

    /** The supervision body decides on the escalated case: sanctions to record, or none. */
    @Bean
    TaskHandler reviewEscalationHandler(SupervisionReviews reviews) {
        return new TaskHandler(CaseTasks.REVIEW_ESCALATION, (caseId, actor, values) -> Routing.of(DECISION,
                reviews.decide(caseId, actor, (String) values.get("decision"), (String) values.get("findings")).name()));
    }
}
