package io.rectify.sanction.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import io.rectify.sanction.SanctionService;
import java.util.Map;

import io.rectify.PageTest;
import io.rectify.audit.AuditLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

/** The sanctions registry page: what the service returns, read only when asked, every read audited. */
class SanctionPagesTests extends PageTest {

    @Autowired
    AuditLog audit;

    @Test
    void theSupervisionBodyFindsTheSanctionsItRecordedAndEachSearchIsAudited() throws Exception {
        String caseId = api("nc.office").post("/api/cases", Map.of("categoryCode", "A33-08", "respondentOrgCode", "NC-EDU",
                "title", "变相收费", "description", "强制收费", "source", "INSPECTION",
                "serious", true, "seriousReason", "多次收费")).body().get("id").asText();
        String person = "钱" + System.nanoTime() % 100000;
        api("nc.supervision").complete(caseId, "reviewEscalation", Map.of("decision", "SANCTION", "findings", "查实"));
        api("nc.supervision").complete(caseId, "recordSanctions", Map.of("sanctions", List.of(Map.of(
                "personName", person, "post", "科长", "orgCode", "NC-EDU", "responsibility", "LEADER", "type", "DEMERIT",
                "decisionNumber", "洪监〔2025〕9号", "decisionDate",
                LocalDate.now(ZoneId.of("Asia/Shanghai")).toString()))));
        int readsBefore = audit.ofAction("SANCTIONS_READ").size();

        MvcResult form = mvc.perform(get("/sanctions").with(as("nc.supervision")))
                .andExpect(status().isOk()).andExpect(view().name(SanctionPages.VIEW_REGISTRY)).andReturn();
        assertThat(audit.ofAction("SANCTIONS_READ")).hasSize(readsBefore);
        assertThat(form.getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain(person);

        MvcResult found = mvc.perform(get("/sanctions").param("personName", person).param("search", "1")
                .with(as("nc.supervision")).header("Accept-Language", "zh-CN")).andExpect(status().isOk()).andReturn();

        @SuppressWarnings("unchecked")
        List<SanctionService.RegistryEntry> lines = (List<SanctionService.RegistryEntry>) found.getModelAndView().getModel().get("results");
        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.caseId()).isEqualTo(caseId);
            assertThat(line.type()).isEqualTo("DEMERIT");
        });
        String html = found.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains(person).contains("记过").contains("href=\"/cases/" + caseId + "\"");
        assertThat(audit.ofAction("SANCTIONS_READ")).hasSize(readsBefore + 1)
                .last().satisfies(e -> assertThat(e.actor()).isEqualTo("nc.supervision"));
    }

    @Test
    void otherRolesGetA403PageAndNothingIsRead() throws Exception {
        int readsBefore = audit.ofAction("SANCTIONS_READ").size();
        for (String user : List.of("jx.edu", "jx.office", "security")) {
            mvc.perform(get("/sanctions").param("search", "1").with(as(user)))
                    .andExpect(status().isForbidden()).andExpect(view().name("error"));
            mvc.perform(get("/sanctions").with(as(user))).andExpect(status().isForbidden());
        }
        assertThat(audit.ofAction("SANCTIONS_READ")).hasSize(readsBefore);
    }
}
