package io.rectify.casefile;

import static io.rectify.process.CaseVariables.SITE_SHUT_DOWN;

import java.util.Map;

import io.rectify.directory.Actor;
import io.rectify.process.CaseTasks;
import io.rectify.process.Routing;
import io.rectify.process.TaskHandler;
import org.springframework.stereotype.Component;

/** The respondent reports; a site lawfully shut down ({@code A33-01}) lets the case close as waived. */
@Component
class RespondHandler implements TaskHandler {

    private final CaseService cases;

    RespondHandler(CaseService cases) {
        this.cases = cases;
    }

    @Override
    public String taskKey() {
        return CaseTasks.RESPOND;
    }

    @Override
    public Routing handle(String caseId, Actor actor, Map<String, Object> values) {
        cases.recordResponse(caseId, actor, (String) values.get("report"), values);
        return Routing.of(SITE_SHUT_DOWN, "SHUT_DOWN".equals(values.get("resolution")));
    }
}
