package io.rectify.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.rectify.process.CaseVariables;
import io.rectify.process.ProcessVariable;
import io.rectify.workflow.internal.OrderReminders;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.InputExpression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the workflow module relies on, read from the model files themselves: the user tasks and
 * their keys, the delegate bean names, routing by plain variables only and each of them declared in
 * Java, a history time to live on every definition, and a diagram for every element.
 */
class ProcessModelContractTest {

    private static final Set<String> DELEGATE_BEANS = Set.of("${sendReminder}", "${markOverdue}", "${escalateCase}",
            "${extendDeadline}", "${closeRectified}", "${closeWaived}", "${notifyReviewFinished}");
    /** the beans a timer's expression calls: when the reminders come is the product's rule, not a variable */
    private static final Set<String> EXPRESSION_BEANS = Set.of("orderReminders");

    /** The variables Java declares, once each, with their types. */
    private static final Set<String> DECLARED = Arrays.stream(CaseVariables.class.getFields())
            .filter(field -> field.getType() == ProcessVariable.class)
            .map(field -> {
                try {
                    return ((ProcessVariable<?>) field.get(null)).name();
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            })
            .collect(Collectors.toSet());

    /** {@code ${flag}}, {@code ${!flag}}, {@code ${result.field}}, or an enum value compared with a constant. */
    private static final Pattern ROUTING_CONDITION =
            Pattern.compile("\\$\\{(!?[a-zA-Z]+(\\.[a-zA-Z]+)?|[a-zA-Z]+ == '[A-Z_]+')}");

    @Test
    void caseProcessHasTheUserTasksOfTheApi() {
        BpmnModelInstance model = bpmn("rectification");

        assertThat(userTasks(model)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "issueOrder", "issueOrder | ${officeGroups}",
                "respond", "respond-${categoryCode} | ${respondentGroups}",
                "verify", "verify | ${officeGroups}",
                "decideExtension", "decideExtension | ${officeGroups}"));
        assertThat(model.<UserTask>getModelElementById("respond").getCamundaDueDate()).isEqualTo("${deadlineAt}");
    }

    @Test
    void supervisionProcessHasTheUserTasksOfTheApi() {
        BpmnModelInstance model = bpmn("supervision-review");

        assertThat(userTasks(model)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "reviewEscalation", "reviewEscalation | ${supervisionGroups}",
                "recordSanctions", "recordSanctions | ${supervisionGroups}"));
        MessageEventDefinition finished = model.<EndEvent>getModelElementById("End_ReviewFinished").getEventDefinitions().stream()
                .map(MessageEventDefinition.class::cast).findFirst().orElseThrow();
        assertThat(finished.getCamundaDelegateExpression()).isEqualTo("${notifyReviewFinished}");
    }

    @Test
    void everyBusinessRuleTaskAsksTheSeriousnessTableForOneResult() {
        Collection<BusinessRuleTask> rules = bpmn("rectification").getModelElementsByType(BusinessRuleTask.class);

        assertThat(rules).extracting(BaseElement::getId).containsExactlyInAnyOrder(
                "Rule_AssessAtOpening", "Rule_AssessAfterVerification", "Rule_AssessWhenOverdue");
        assertThat(rules).allSatisfy(rule -> {
            assertThat(rule.getCamundaDecisionRef()).isEqualTo("seriousness");
            assertThat(rule.getCamundaMapDecisionResult()).isEqualTo("singleResult");
            assertThat(rule.getCamundaResultVariable()).as("no object variable: the outputs are mapped one by one").isNull();
            assertThat(rule.getExtensionElements().getElementsQuery().filterByType(CamundaInputOutput.class).singleResult()
                    .getCamundaOutputParameters()).extracting(CamundaOutputParameter::getCamundaName)
                    .containsExactlyInAnyOrder("escalate", "escalationReason");
        });
    }

    @Test
    void everyVariableTheModelsNameIsDeclaredInJava() throws IOException, NoSuchMethodException {
        Set<String> named = new TreeSet<>();
        for (String file : List.of("rectification", "supervision-review")) {
            String xml;
            try (InputStream in = resource("bpmn/" + file + ".bpmn")) {
                xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Matcher expression = Pattern.compile("\\$\\{([^}]*)}").matcher(xml);
            while (expression.find()) {
                Matcher root = Pattern.compile("(?<![.\\w'])[a-zA-Z]\\w*(?!\\w*')").matcher(expression.group(1));
                while (root.find()) {
                    named.add(root.group());
                }
            }
            bpmn(file).getModelElementsByType(CamundaOutputParameter.class)
                    .forEach(output -> named.add(output.getCamundaName()));
        }
        for (String key : List.of("seriousness", "deadline-policy")) {
            try (InputStream in = resource("bpmn/" + key + ".dmn")) {
                Dmn.readModelFromStream(in).getModelElementsByType(InputExpression.class)
                        .forEach(input -> named.add(input.getText().getTextContent().trim()));
            }
        }
        named.removeAll(DELEGATE_BEANS.stream().map(bean -> bean.substring(2, bean.length() - 1)).toList());
        assertThat(named).as("the beans the timers' expressions call").containsAll(EXPRESSION_BEANS);
        assertThat(OrderReminders.class.getMethod("next", java.util.Date.class)).as("orderReminders.next(deadlineAt)").isNotNull();
        named.removeAll(EXPRESSION_BEANS);
        named.remove("decisionResult");

        assertThat(named).isNotEmpty().allSatisfy(name -> assertThat(DECLARED).as(name).contains(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rectification", "supervision-review"})
    void processIsExecutableAndKeepsItsHistoryFiveYears(String file) {
        assertThat(bpmn(file).getModelElementsByType(Process.class)).singleElement().satisfies(process -> {
            assertThat(process.isExecutable()).isTrue();
            assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("1825");
            assertThat(process.getName()).isNotBlank();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"rectification", "supervision-review"})
    void everyFlowNodeIsNamedForThePeopleWhoReadTheDiagram(String file) {
        assertThat(bpmn(file).getModelElementsByType(FlowNode.class))
                .allSatisfy(node -> assertThat(node.getName()).as(node.getId()).isNotBlank());
    }

    @ParameterizedTest
    @ValueSource(strings = {"rectification", "supervision-review"})
    void modelHoldsNoCodeOnlyDelegateBeansAndPlainRoutingConditions(String file) {
        BpmnModelInstance model = bpmn(file);

        assertThat(model.getModelElementsByType(ScriptTask.class)).isEmpty();
        assertThat(model.getModelElementsByType(CamundaExecutionListener.class)).isEmpty();
        assertThat(model.getModelElementsByType(CamundaTaskListener.class)).isEmpty();
        assertThat(model.getModelElementsByType(ServiceTask.class)).allSatisfy(task -> {
            assertThat(task.getCamundaClass()).as(task.getId()).isNull();
            assertThat(task.getCamundaExpression()).as(task.getId()).isNull();
            assertThat(task.getCamundaDelegateExpression()).as(task.getId()).isIn(DELEGATE_BEANS);
        });
        assertThat(model.getModelElementsByType(FlowNode.class)).allSatisfy(node -> {
            assertThat(node.isCamundaAsyncBefore()).as(node.getId()).isFalse();
            assertThat(node.isCamundaAsyncAfter()).as(node.getId()).isFalse();
        });
        assertThat(model.getModelElementsByType(ConditionExpression.class))
                .allSatisfy(condition -> assertThat(condition.getTextContent()).matches(ROUTING_CONDITION));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rectification", "supervision-review"})
    void everyElementIsDrawn(String file) {
        BpmnModelInstance model = bpmn(file);
        Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
                .map(shape -> shape.getBpmnElement().getId()).collect(Collectors.toSet());
        Map<String, Integer> edgePoints = model.getModelElementsByType(BpmnEdge.class).stream()
                .collect(Collectors.toMap(edge -> edge.getBpmnElement().getId(), edge -> edge.getWaypoints().size()));

        assertThat(model.getModelElementsByType(FlowNode.class))
                .allSatisfy(node -> assertThat(shapes).as(node.getId()).contains(node.getId()));
        assertThat(model.getModelElementsByType(SequenceFlow.class))
                .allSatisfy(flow -> assertThat(edgePoints.get(flow.getId())).as(flow.getId()).isGreaterThanOrEqualTo(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"seriousness", "deadline-policy"})
    void decisionKeepsItsHistoryFiveYears(String key) {
        DmnModelInstance model;
        try (InputStream in = resource("bpmn/" + key + ".dmn")) {
            model = Dmn.readModelFromStream(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Decision decision = model.getModelElementById(key);

        assertThat(decision.getCamundaHistoryTimeToLiveString()).isEqualTo("1825");
        assertThat(decision.getName()).isNotBlank();
    }

    private static Map<String, String> userTasks(BpmnModelInstance model) {
        Map<String, String> tasks = new TreeMap<>();
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            tasks.put(task.getId(), task.getCamundaFormKey() + " | " + task.getCamundaCandidateGroups());
        }
        return tasks;
    }

    private static BpmnModelInstance bpmn(String name) {
        try (InputStream in = resource("bpmn/" + name + ".bpmn")) {
            return Bpmn.readModelFromStream(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = ProcessModelContractTest.class.getClassLoader().getResourceAsStream(path);
        assertThat(in).as(path + " on the classpath").isNotNull();
        return in;
    }
}
