package io.rectify.stats.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.rectify.PageTest;
import io.rectify.document.Poppler;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The annual report and the ranking as PDF over HTTP: for the offices' supervisors, who may see
 * their pages, and for no one else; linked from the two pages in either language.
 */
class FiguresPublicationPagesTests extends PageTest {

    static final List<String> PDFS = List.of("/stats/annual.pdf", "/stats/ranking.pdf");

    @Test
    void anOfficeDownloadsBothPublicationsOfTheYearAsked() throws Exception {
        MvcResult annual = mvc.perform(get("/stats/annual.pdf").param("year", "2026").with(as("jx.office")))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", MediaType.APPLICATION_PDF_VALUE))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"annual-report-2026.pdf\""))
                .andReturn();
        String text = Poppler.text(annual.getResponse().getContentAsByteArray()).replaceAll("\\s", "");
        assertThat(text).contains("政府网站监管年度报表（2026年度）", "统计范围：江西省", "江西省人民政府办公厅");

        MvcResult ranking = mvc.perform(get("/stats/ranking.pdf").param("year", "2026").with(as("nc.office")))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", MediaType.APPLICATION_PDF_VALUE))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"ranking-2026.pdf\""))
                .andReturn();
        assertThat(Poppler.text(ranking.getResponse().getContentAsByteArray()).replaceAll("\\s", ""))
                .contains("2026年度政府网站考评结果", "南昌市人民政府办公室", "南昌市教育局").doesNotContain("江西省教育厅");
    }

    @Test
    void noOneButAnOfficesSupervisorGetsThem() throws Exception {
        for (String pdf : PDFS) {
            for (String other : List.of("jx.edu", "jx.supervision", "admin", "security", "auditor")) {
                mvc.perform(get(pdf).with(as(other))).andExpect(status().isForbidden());
            }
            mvc.perform(get(pdf).with(anonymous())).andExpect(status().is3xxRedirection())
                    .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
        }
    }

    @Test
    void aYearOutOfRangeIsABadRequestAndNoYearAtAllNotFound() throws Exception {
        for (String pdf : PDFS) {
            mvc.perform(get(pdf).param("year", "1999").with(as("jx.office"))).andExpect(status().isBadRequest());
            // a parameter of the wrong type is a 404 on every page (PageErrors), as on /stats/annual itself
            mvc.perform(get(pdf).param("year", "last").with(as("jx.office"))).andExpect(status().isNotFound());
        }
    }

    @Test
    void bothPagesLinkTheirPdfInEitherLanguage() throws Exception {
        for (String page : List.of("annual", "ranking")) {
            String zh = mvc.perform(get("/stats/" + page).param("year", "2026").with(as("jx.office"))
                    .header("Accept-Language", "zh-CN")).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(zh).contains("href=\"/stats/" + page + ".pdf?year=2026\"", "下载 PDF");
            String en = mvc.perform(get("/stats/" + page).param("year", "2026").with(as("jx.office"))
                    .header("Accept-Language", "en")).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(en).contains("href=\"/stats/" + page + ".pdf?year=2026\"", "Download PDF");
        }
    }
}
