package io.rectify.casefile;

import static io.rectify.process.CaseVariables.EXTENSION_GRANTED;

import java.util.Map;

import io.rectify.directory.Actor;
import io.rectify.process.CaseTasks;
import io.rectify.process.Routing;
import io.rectify.process.TaskHandler;
import org.springframework.stereotype.Component;

/** The office grants or refuses the respondent's request for more time. */
@Component
class DecideExtensionHandler implements TaskHandler {

    private final CaseService cases;

    DecideExtensionHandler(CaseService cases) {
        this.cases = cases;
    }

    @Override
    public String taskKey() {
        return CaseTasks.DECIDE_EXTENSION;
    }

    @Override
    public Routing handle(String caseId, Actor actor, Map<String, Object> values) {
        boolean granted = Boolean.TRUE.equals(values.get("granted"));
        cases.decideExtension(caseId, actor, granted, (String) values.get("comment"));
        return Routing.of(EXTENSION_GRANTED, granted);
    }
}
