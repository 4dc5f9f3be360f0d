package io.rectify.sanction;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.rectify.directory.Actor;
import io.rectify.process.CaseTasks;
import io.rectify.process.Routing;
import io.rectify.process.TaskHandler;
import org.springframework.stereotype.Component;

/** The supervision body records the sanctions it decided; the review then ends by itself. */
@Component
class RecordSanctionsHandler implements TaskHandler {

    private final SanctionService sanctions;

    RecordSanctionsHandler(SanctionService sanctions) {
        this.sanctions = sanctions;
    }

    @Override
    public String taskKey() {
        return CaseTasks.RECORD_SANCTIONS;
    }

    @Override
    public Routing handle(String caseId, Actor actor, Map<String, Object> values) {
        sanctions.record(caseId, actor, lines(values));
        return Routing.none();
    }

    /** The form's dynamic list {@code sanctions}, one line per person. */
    @SuppressWarnings("unchecked")
    private static List<NewSanction> lines(Map<String, Object> values) {
        List<Map<String, Object>> lines = (List<Map<String, Object>>) values.getOrDefault("sanctions", List.of());
        return lines.stream().map(line -> new NewSanction((String) line.get("personName"), (String) line.get("post"),
                        (String) line.get("orgCode"), Responsibility.valueOf((String) line.get("responsibility")),
                        SanctionType.valueOf((String) line.get("type")), (String) line.get("decisionNumber"),
                        (LocalDate) line.get("decisionDate")))
                .toList();
    }
}
