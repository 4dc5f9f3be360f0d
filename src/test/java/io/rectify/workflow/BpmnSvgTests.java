package io.rectify.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The drawing itself, without the application: text is escaped, and a sample is left for a human to look at. */
class BpmnSvgTests {

    @Test
    void namesWithMarkupAreWrittenAsTextNotAsMarkup() throws Exception {
        BpmnModelInstance model = model("bpmn/supervision-review.bpmn");
        model.<org.camunda.bpm.model.bpmn.instance.UserTask>getModelElementById("reviewEscalation")
                .setName("<script>alert(1)</script> & \"审查\"");
        String svg = BpmnSvg.render(List.of(new BpmnSvg.Panel("审查 <b>", model, Set.of("reviewEscalation"), Set.of())),
                new BpmnSvg.Texts("标题 </title><script>", "当前步骤", "已完成", "图例"));

        assertThat(svg).doesNotContain("<script>").doesNotContain("<b>").contains("&lt;script&gt;").contains("&amp;");
        assertThat(svg).doesNotContain("style=");
    }

    @Test
    void writesASampleOfBothModelsForReview() throws Exception {
        String svg = BpmnSvg.render(List.of(
                        new BpmnSvg.Panel("整改流程", model("bpmn/rectification.bpmn"), Set.of("respond"),
                                Set.of("Start_CaseOpened", "Rule_AssessAtOpening", "Gateway_EscalateAtOpening",
                                        "Task_EscalateAtOpening", "Gateway_AssessedAtOpening", "issueOrder", "Gateway_OrderStands")),
                        new BpmnSvg.Panel("监察审查", model("bpmn/supervision-review.bpmn"), Set.of("reviewEscalation"),
                                Set.of("Start_CaseEscalated"))),
                new BpmnSvg.Texts("案件流程图。当前步骤：提交整改报告、审查移送案件", "当前步骤", "已完成",
                        "图例：琥珀色、粗虚线框并标“▶ 当前步骤”的是当前步骤；灰色并标 ✓ 的是已完成的步骤。"));
        Path sample = Path.of("target", "diagram-sample.svg");
        Files.createDirectories(sample.getParent());
        Files.writeString(sample, svg, StandardCharsets.UTF_8);
        assertThat(svg).startsWith("<?xml").contains("data-element-id=\"respond\" data-element-type=\"userTask\" data-state=\"current\"");
    }

    private static BpmnModelInstance model(String resource) throws Exception {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return Bpmn.readModelFromStream(in);
        }
    }
}
