package io.rectify.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.PageTest;
import io.rectify.api.Api;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The process diagram of a case: drawn from the model, the current step marked, the case's access rules. */
class DiagramPagesTests extends PageTest {

    @Test
    void afterTheOrderTheDiagramMarksRespondAsCurrentAndIssueOrderAsDone() throws Exception {
        Api office = api("jx.office");
        String caseId = office.openCase("A33-04", "JX-EDU").get("id").asText();
        office.complete(caseId, "issueOrder", Map.of("requirements", "发布预算信息"));

        MockHttpServletResponse response = mvc.perform(get("/cases/" + caseId + "/diagram.svg").with(as("jx.edu"))
                .header("Accept-Language", "zh-CN")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("image/svg+xml");
        assertThat(response.getHeader("Cache-Control")).contains("no-store");
        Document svg = parse(response.getContentAsByteArray());
        Element root = svg.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(root.getAttribute("aria-label")).contains("提交整改报告").contains("当前步骤");
        assertThat(firstChildElement(root).getLocalName()).isEqualTo("title");
        assertThat(firstChildElement(root).getTextContent()).isEqualTo(root.getAttribute("aria-label"));

        Map<String, String> states = states(svg);
        assertThat(states).containsEntry("respond", "current").containsEntry("issueOrder", "finished")
                .containsEntry("Start_CaseOpened", "finished").containsEntry("verify", "none");
        assertThat(states.entrySet().stream().filter(e -> e.getValue().equals("current")).map(Map.Entry::getKey))
                .containsExactly("respond");
        // every flow node of the model is drawn, and every sequence flow
        assertThat(states.keySet()).containsAll(flowNodes("bpmn/rectification.bpmn"));
        assertThat(ids(svg, "data-flow-id")).contains("Flow_OrderIssued", "Flow_AwaitReport", "Flow_DeadlinePassed");
        // the current step carries a cue besides its colour: a badge naming it
        assertThat(nodeText(svg, "respond")).contains("▶ 当前步骤");
    }

    @Test
    void anEscalatedCaseShowsBothProcessesWithTheReviewCurrent() throws Exception {
        Api office = api("jx.office");
        String caseId = office.post("/api/cases", Map.of("categoryCode", "A33-05", "respondentOrgCode", "JX-HEALTH",
                "title", "关闭留言", "description", "政民互动被关闭", "source", "COMPLAINT",
                "serious", true, "seriousReason", "投诉集中")).body().get("id").asText();

        MockHttpServletResponse response = mvc.perform(get("/cases/" + caseId + "/diagram.svg").with(as("jx.supervision"))
                .header("Accept-Language", "en")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        Document svg = parse(response.getContentAsByteArray());
        Map<String, String> states = states(svg);
        assertThat(states).containsEntry("issueOrder", "current").containsEntry("reviewEscalation", "current")
                .containsEntry("Task_EscalateAtOpening", "finished");
        assertThat(states.keySet()).containsAll(flowNodes("bpmn/supervision-review.bpmn"));
        assertThat(svg.getDocumentElement().getAttribute("aria-label"))
                .contains("Issue the rectification order").contains("Review the escalated case");
    }

    @Test
    void aBodyThatMayNotSeeTheCaseGetsTheSame404AsForNoCase() throws Exception {
        String caseId = api("jx.office").openCase("A33-10", "JX-EDU").get("id").asText();

        MockHttpServletResponse other = mvc.perform(get("/cases/" + caseId + "/diagram.svg").with(as("jx.health")))
                .andReturn().getResponse();
        MockHttpServletResponse none = mvc.perform(get("/cases/no-such-case/diagram.svg").with(as("jx.health")))
                .andReturn().getResponse();
        MockHttpServletResponse admin = mvc.perform(get("/cases/" + caseId + "/diagram.svg").with(as("admin")))
                .andReturn().getResponse();
        MockHttpServletResponse anonymous = mvc.perform(get("/cases/" + caseId + "/diagram.svg")).andReturn().getResponse();

        assertThat(other.getStatus()).isEqualTo(404);
        assertThat(none.getStatus()).isEqualTo(404);
        assertThat(admin.getStatus()).isEqualTo(404);
        // the same page but for its CSRF token, which Spring Security masks afresh on every response
        assertThat(withoutCsrfToken(other)).isEqualTo(withoutCsrfToken(none)).doesNotContain("<svg");
        assertThat(anonymous.getStatus()).isEqualTo(302);
        assertThat(anonymous.getRedirectedUrl()).endsWith("/login");
    }

    @Test
    void textFromTheCaseIsEscaped() throws Exception {
        Api office = api("jx.office");
        JsonNode opened = office.openCase("A33-10", "JX-EDU");
        // the case number goes into the title; it is generated, but the writer escapes every text alike
        String body = mvc.perform(get("/cases/" + opened.get("id").asText() + "/diagram.svg").with(as("jx.office")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(parse(body.getBytes(StandardCharsets.UTF_8)).getDocumentElement().getAttribute("aria-label"))
                .contains(opened.get("caseNumber").asText());
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static Element firstChildElement(Element parent) {
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        throw new AssertionError("no child element");
    }

    private static Map<String, String> states(Document svg) {
        NodeList groups = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
        Map<String, String> states = new java.util.HashMap<>();
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (g.hasAttribute("data-element-id")) {
                // a node drawn in two panels would keep the most advanced state; ids are unique across both models
                states.merge(g.getAttribute("data-element-id"), g.getAttribute("data-state"), (a, b) -> a);
            }
        }
        return states;
    }

    private static Set<String> ids(Document svg, String attribute) {
        NodeList groups = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (g.hasAttribute(attribute)) {
                ids.add(g.getAttribute(attribute));
            }
        }
        return ids;
    }

    private static String nodeText(Document svg, String elementId) {
        NodeList groups = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (elementId.equals(g.getAttribute("data-element-id"))) {
                return g.getTextContent();
            }
        }
        throw new AssertionError("no node " + elementId);
    }

    static List<String> flowNodes(String resource) throws Exception {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return Bpmn.readModelFromStream(in).getModelElementsByType(FlowNode.class).stream()
                    .map(FlowNode::getId).collect(Collectors.toList());
        }
    }

    private static String withoutCsrfToken(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8).replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\"");
    }
}
