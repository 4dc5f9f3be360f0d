package io.rectify.workflow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.rectify.casefile.CaseService;
import io.rectify.casefile.RectificationCase;
import io.rectify.directory.Actor;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The process diagram of one case: the model each of its processes runs on (rectification, and the
 * supervision review once the case was escalated), drawn from the model's own diagram interchange,
 * with the steps the case waits at now and the steps it has passed. Whoever may see the case may
 * see its diagram; for anyone else the case does not exist.
 */
@Service
@Transactional(readOnly = true)
public class ProcessDiagrams {

    private final CaseService cases;
    private final HistoryService history;
    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final MessageSource messages;
    private final StepNames stepNames;

    ProcessDiagrams(CaseService cases, HistoryService history, RuntimeService runtime, RepositoryService repository,
                    MessageSource messages, StepNames stepNames) {
        this.cases = cases;
        this.history = history;
        this.runtime = runtime;
        this.repository = repository;
        this.messages = messages;
        this.stepNames = stepNames;
    }

    /** The SVG image of the case's processes, in the reader's language. */
    public String svg(Actor actor, String caseId, Locale locale) {
        RectificationCase c = cases.visible(actor, caseId);
        List<HistoricProcessInstance> instances = new ArrayList<>(history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(caseId).list());
        // rectification first, the review beside it second, whatever order the engine lists them in
        instances.sort(Comparator.comparing((HistoricProcessInstance pi) -> !CaseProcess.KEY.equals(pi.getProcessDefinitionKey()))
                .thenComparing(HistoricProcessInstance::getStartTime));
        List<BpmnSvg.Panel> panels = new ArrayList<>();
        Set<String> currentNames = new LinkedHashSet<>();
        for (HistoricProcessInstance pi : instances) {
            BpmnModelInstance model = repository.getBpmnModelInstance(pi.getProcessDefinitionId());
            Set<String> current = pi.getEndTime() == null ? Set.copyOf(runtime.getActiveActivityIds(pi.getId())) : Set.of();
            Set<String> finished = history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId()).finished()
                    .list().stream().map(HistoricActivityInstance::getActivityId).collect(Collectors.toSet());
            panels.add(new BpmnSvg.Panel(text("diagram.panel." + pi.getProcessDefinitionKey(), pi.getProcessDefinitionKey(), locale),
                    model, current, finished, (id, name) -> stepNames.of(id, name, locale)));
            current.stream().sorted().forEach(id -> currentNames.add(stepName(model, id, locale)));
        }
        String steps = currentNames.isEmpty() ? text("diagram.noCurrentStep", "—", locale) : String.join("、", currentNames);
        BpmnSvg.Texts texts = new BpmnSvg.Texts(
                messages.getMessage("diagram.title", new Object[] {c.caseNumber(), steps}, locale),
                text("diagram.current", "current", locale),
                text("diagram.finished", "done", locale),
                text("diagram.legend", "", locale));
        return BpmnSvg.render(panels, texts);
    }

    /** The step's name in the reader's language; for a step only an earlier model has, that model's own. */
    private String stepName(BpmnModelInstance model, String activityId, Locale locale) {
        FlowNode node = model.getModelElementById(activityId);
        return stepNames.of(activityId, node == null ? null : node.getName(), locale);
    }

    private String text(String key, String fallback, Locale locale) {
        return messages.getMessage(key, null, fallback, locale);
    }
}
