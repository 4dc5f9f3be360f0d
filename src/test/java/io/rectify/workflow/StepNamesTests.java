package io.rectify.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;

/** The steps' names come from the models of bpmn/, in both languages of the pages. */
class StepNamesTests {

    private static final ProcessModels MODELS = new ProcessModels();
    private static final StepNames NAMES = new StepNames(MODELS);

    @Test
    void everyStepOfTheCaseProcessesHasAChineseAndAnEnglishName() {
        int steps = 0;
        for (BpmnModelInstance model : MODELS.all()) {
            String process = model.getModelElementsByType(Process.class).iterator().next().getId();
            if (!process.equals(CaseProcess.KEY) && !process.equals(CaseProcess.SUPERVISION_KEY)) {
                continue;
            }
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                assertThat(NAMES.of(node.getId(), null, Locale.SIMPLIFIED_CHINESE)).as(node.getId())
                        .isEqualTo(node.getName()).isNotBlank();
                assertThat(NAMES.of(node.getId(), null, Locale.ENGLISH)).as(node.getId())
                        .isNotBlank().isNotEqualTo(node.getName()).matches("\\p{ASCII}+");
                steps++;
            }
        }
        assertThat(steps).as("the steps of both case processes").isGreaterThan(40);
    }

    @Test
    void aChineseReaderReadsTheModelsNameAndAnEnglishReaderItsEnglishName() {
        assertThat(NAMES.of("respond", "recorded", Locale.SIMPLIFIED_CHINESE)).isEqualTo("提交整改报告");
        assertThat(NAMES.of("respond", "recorded", Locale.ENGLISH)).isEqualTo("Submit the rectification report");
        assertThat(NAMES.of("respond", "recorded", Locale.US)).isEqualTo("Submit the rectification report");
        assertThat(NAMES.of("Timer_Deadline", null, Locale.ENGLISH)).isEqualTo("Deadline passed");
        assertThat(NAMES.of("reviewEscalation", null, Locale.CHINA)).isEqualTo("审查移送案件");
    }

    @Test
    void aStepOnlyAnEarlierModelHasKeepsTheNameTheEngineRecorded() {
        assertThat(NAMES.of("Task_Retired", "已停用的步骤", Locale.ENGLISH)).isEqualTo("已停用的步骤");
        assertThat(NAMES.of("Task_Retired", null, Locale.ENGLISH)).isEqualTo("Task_Retired");
    }
}
