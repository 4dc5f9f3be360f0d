package io.rectify.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.api.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * In a real browser: a supervisor starts a spot check, opens a sampled site's form, is told a
 * failed item needs its evidence, saves a draft, closes the campaign and issues its 通报; every page passes axe-core and
 * the Nu HTML Checker, at desktop and phone width. The pages are plain forms: nothing needs script.
 */
@EnabledIf(value = "io.rectify.ui.Browser#available", disabledReason = Browser.MISSING)
class BrowserInspectionPagesTests extends BrowserTest {

    @Test
    void aSupervisorRunsASpotCheckThroughThePages() {
        Browser b = browser();
        b.signIn("nc.office", Api.PASSWORD);
        b.open("/inspections");
        check("inspections");

        b.type("name", "南昌市2026年第四季度抽查");
        b.setValue("periodFrom", "2026-10-01");
        b.setValue("periodTo", "2026-09-30");
        b.setValue("samplingRatio", "1");
        b.go("form[action$='/inspections'] button[type=submit]");
        assertThat(b.text(".error-summary")).contains("结束日期");
        checkAnswerToPost("inspections-errors");

        b.setValue("periodTo", "2026-12-31");
        b.go("form[action$='/inspections'] button[type=submit]");
        assertThat(b.path()).as(b::errorsShown).startsWith("/inspections/campaigns/");
        String campaign = b.path();
        check("inspections-campaign");

        b.go("main table[aria-labelledby=sites-title] tbody tr a");
        check("inspections-form");
        b.click("#fail_POLICY_COLUMN_STALE");
        b.type("points_POLICY_COLUMN_STALE", "3");
        b.go("button[name=save]");
        assertThat(b.text(".error-summary")).contains("证据");
        checkAnswerToPost("inspections-form-errors");

        b.type("evidence_POLICY_COLUMN_STALE", "政策文件栏目最后更新于2026-03-01");
        b.go("button[name=save]");
        assertThat(b.errorsShown()).isEmpty();
        assertThat(b.text("main dl")).contains("97");

        // closed, the campaign issues its 通报 from its page, which then links to it
        b.open(campaign);
        b.go("form[action$='/close'] button[type=submit]");
        check("inspections-campaign-closed");
        b.go("form[action$='/tongbao'] button[type=submit]");
        assertThat(b.path()).isEqualTo(campaign);
        assertThat(b.text("section[aria-labelledby=tongbao-title]")).contains("下载通报", "通报〔", "SHA-256");
        check("inspections-campaign-tongbao");

        b.open("/inspections/mine");
        check("inspections-mine");
        b.signOut();
        assertThat(problems).as("accessibility and HTML problems on " + b.checkedPages()).isEmpty();
    }
}
