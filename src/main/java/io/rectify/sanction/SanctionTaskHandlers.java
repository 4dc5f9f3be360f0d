package io.rectify.sanction;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.rectify.process.CaseTasks;
import io.rectify.process.Routing;
import io.rectify.process.TaskHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Recording the sanctions the supervision body decided. */
@Configuration(proxyBeanMethods = false)
class SanctionTaskHandlers {

    /** One line per person; the review then ends by itself, so nothing is routed. */
    @Bean
    TaskHandler recordSanctionsHandler(SanctionService sanctions) {
        return new TaskHandler(CaseTasks.RECORD_SANCTIONS, (caseId, actor, values) -> {
            sanctions.record(caseId, actor, lines(values));
            return Routing.none();
        });
    }

    /** The form's dynamic list {@code sanctions}. */
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
