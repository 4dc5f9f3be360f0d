package io.rectify.workflow;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.rectify.casefile.ProcessSteps;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The engine's history of a case for its timeline: every process that carries the case id as
 * business key, its steps in order. Gateways are routing, not events a person cares about.
 */
@Service
@Transactional(readOnly = true)
public class CaseHistory implements ProcessSteps {

    private static final Set<String> ROUTING = Set.of("exclusiveGateway", "parallelGateway", "inclusiveGateway",
            "eventBasedGateway", "multiInstanceBody");

    private final HistoryService history;
    private final StepNames names;

    CaseHistory(HistoryService history, StepNames names) {
        this.history = history;
        this.names = names;
    }

    @Override
    public List<Step> of(String caseId) {
        List<String> processes = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseId).list()
                .stream().map(HistoricProcessInstance::getId).toList();
        return processes.stream()
                .flatMap(id -> history.createHistoricActivityInstanceQuery().processInstanceId(id)
                        .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list().stream())
                .filter(step -> !ROUTING.contains(step.getActivityType()))
                .sorted(Comparator.comparing(HistoricActivityInstance::getStartTime)) // stable: keeps the engine's order
                .map(step -> new Step(step.getActivityId(), step.getActivityType(), step.getActivityName(),
                        step.getStartTime().toInstant(),
                        step.getEndTime() == null ? null : step.getEndTime().toInstant()))
                .toList();
    }

    @Override
    public String name(String activityId, String recordedName, Locale locale) {
        return names.of(activityId, recordedName, locale);
    }
}
