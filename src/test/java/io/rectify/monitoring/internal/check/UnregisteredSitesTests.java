package io.rectify.monitoring.internal.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;

import io.rectify.monitoring.CheckStatus;
import io.rectify.monitoring.internal.http.Fetched;
import org.junit.jupiter.api.Test;

/** A portal's links to its own government's sites that are not in the registry (A33-01). */
class UnregisteredSitesTests {

    static final URI PORTAL = URI.create("https://www.jiangxi.gov.cn/");
    static final String LINKS = """
            <html><body><ul class="links">
              <li><a href="https://jyt.jiangxi.gov.cn/">省教育厅</a></li>
              <li><a href="http://WSJKW.jiangxi.gov.cn/col/index.html">省卫生健康委</a></li>
              <li><a href="https://www.gov.cn/">中国政府网</a></li>
              <li><a href="https://www.beijing.gov.cn/">北京市人民政府</a></li>
              <li><a href="https://www.example.com/">合作媒体</a></li>
              <li><a href="/zwgk/">政务公开</a></li>
              <li><a href="https://www.jiangxi.gov.cn/art/1.html">本站文章</a></li>
            </ul></body></html>""";

    final UnregisteredSites check = new UnregisteredSites();

    @Test
    void aLinkedSiteOfThePortalsGovernmentNotInTheRegistryFailsAndIsNamed() {
        Verdict verdict = check.judge(page(LINKS), PORTAL, Set.of("jyt.jiangxi.gov.cn")::contains);

        assertThat(verdict.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(verdict.detail()).isEqualTo(
                "unregistered sites: 1 of 2 linked sites under jiangxi.gov.cn: wsjkw.jiangxi.gov.cn");
        assertThat(verdict.veto().measure()).isEqualByComparingTo("1");
        assertThat(verdict.evidence()).hasSize(1);
    }

    @Test
    void everyLinkedSiteRegisteredPassesAndOtherGovernmentsSitesAreNotJudged() {
        Verdict verdict = check.judge(page(LINKS), PORTAL, Set.of("jyt.jiangxi.gov.cn", "wsjkw.jiangxi.gov.cn")::contains);

        assertThat(verdict.status()).isEqualTo(CheckStatus.PASS);
        assertThat(verdict.detail()).isEqualTo("unregistered sites: 0 of 2 linked sites under jiangxi.gov.cn");
    }

    @Test
    void anUnreadPortalIsInconclusive() {
        Verdict verdict = check.judge(page(null), PORTAL, host -> false);

        assertThat(verdict.status()).isEqualTo(CheckStatus.INCONCLUSIVE);
        assertThat(verdict.detail()).startsWith("portal homepage not read");
    }

    @Test
    void onlyAPortalOnAGovernmentDomainIsJudged() {
        assertThat(UnregisteredSites.judges(PORTAL)).isTrue();
        assertThat(UnregisteredSites.judges(URI.create("http://nc.jiangxi.gov.cn/"))).isTrue();
        assertThat(UnregisteredSites.judges(URI.create("http://127.0.0.1:8080/demo-sites/ncgov/"))).isFalse();
        assertThat(UnregisteredSites.judges(URI.create("https://www.example.com/"))).isFalse();
        assertThat(UnregisteredSites.domain("www.nc.jiangxi.gov.cn")).isEqualTo("nc.jiangxi.gov.cn");
        assertThat(UnregisteredSites.domain("jiangxi.gov.cn")).isEqualTo("jiangxi.gov.cn");
    }

    private static Page page(String html) {
        if (html == null) {
            return Page.of(new Fetched(PORTAL, PORTAL, null, "", new byte[0], false, StandardCharsets.UTF_8, Instant.now(), 15000,
                    "timed out"));
        }
        return Page.of(new Fetched(PORTAL, PORTAL, 200, "Content-Type: text/html\n", html.getBytes(StandardCharsets.UTF_8), false,
                StandardCharsets.UTF_8, Instant.now(), 120, null));
    }
}
