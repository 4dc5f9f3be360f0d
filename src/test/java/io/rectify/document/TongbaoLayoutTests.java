package io.rectify.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.rectify.document.DocumentModels.TongbaoBody;
import io.rectify.document.DocumentModels.TongbaoSite;
import org.junit.jupiter.api.Test;

/** The 通报's 附件 over several pages: its table's head on every one, so each page reads on its own. */
class TongbaoLayoutTests {

    @Test
    void theAnnexTableRepeatsItsHeadOnEveryPage() {
        Map<String, Object> sample = new HashMap<>(DocumentSamples.of(DocumentKind.TONGBAO));
        TongbaoBody body = (TongbaoBody) sample.get("tongbao");
        List<TongbaoSite> sites = new ArrayList<>();
        for (int n = 1; n <= 80; n++) {
            sites.add(new TongbaoSite(n, "抽查网站第" + n + "号", "江西省某厅", "90", "否", "合格"));
        }
        sample.put("tongbao", new TongbaoBody(body.campaignName(), body.period(), body.regionName(), body.checklistVersion(),
                body.population(), 80, 80, 80, 0, 0, "100.00%", body.strata(), List.of(), body.reportsDue(),
                body.reportWorkingDays(), sites));
        byte[] pdf = new DocumentRenderer().render("tongbao", sample);

        String[] pages = Poppler.text(pdf).split("\f");
        List<String> annexPages = new ArrayList<>();
        boolean inAnnex = false;
        for (String page : pages) {
            String text = page.replaceAll("\\s", "");
            inAnnex |= text.contains("抽查网站检查结果") && text.contains("序号");
            if (inAnnex && text.contains("抽查网站第")) {
                annexPages.add(text);
            }
        }
        assertThat(annexPages).as("80 sites run over more than one page").hasSizeGreaterThan(1);
        assertThat(annexPages).allSatisfy(page -> assertThat(page).contains("序号", "网站", "主办单位", "得分", "否决", "结论"));
        assertThat(String.join("", annexPages)).contains("抽查网站第1号", "抽查网站第80号");
    }
}
