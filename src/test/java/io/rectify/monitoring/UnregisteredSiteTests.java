package io.rectify.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.rectify.IntegrationTest;
import io.rectify.api.Api;
import io.rectify.api.FreshBodies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A portal that links to a site of its own government's domain that nobody registered: the check
 * runs on a portal served on this machine under a .gov.cn name, reads the registry, names the
 * unregistered site and leaves a finding of category A33-01. A department's site linking to the
 * same is not asked: only the portal answers for its government's sites.
 */
class UnregisteredSiteTests extends IntegrationTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwords;

    HttpServer server;
    String domain;

    @BeforeEach
    void aPortalOnThisMachine() throws IOException {
        domain = "p" + System.nanoTime() + "." + LoopbackGovNames.DOMAIN;
        byte[] page = ("""
                <html><head><meta charset="utf-8"><title>测试市人民政府</title></head><body>
                <ul><li><a href="/zwgk/2026-12-01.html">关于做好冬季安全生产工作的通知</a> 2026-12-01</li></ul>
                <div class="links"><a href="https://www.gov.cn/">中国政府网</a>
                <a href="http://edu.%1$s/">市教育局</a>
                <a href="http://lottery.%1$s/draw.html">彩票开奖</a></div>
                </body></html>""").formatted(domain).getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void thePortalsLinkToAnUnregisteredSiteOfItsDomainBecomesAnA3301Finding() {
        String city = "T" + Long.toString(System.nanoTime(), 36).toUpperCase();
        jdbc.update("insert into region (code, name_zh, name_en, parent_code) values (?, ?, ?, 'JX')", city, "测试市", "Test city");
        String office = city + "-OFFICE";
        jdbc.update("insert into organization (code, name_zh, name_en, kind, region_code) values (?, ?, ?, 'OFFICE', ?)",
                office, "测试市人民政府办公室", "Test city office", city);
        String department = new FreshBodies(jdbc, passwords).department(city);
        int port = server.getAddress().getPort();
        long portal = site("http://www." + domain + ":" + port + "/", office);
        long departmentSite = site("http://dept." + domain + ":" + port + "/", department);
        jdbc.update("insert into website (url, name, org_code, state) values (?, ?, ?, 'CLOSED')",
                "http://edu." + domain + "/", "市教育局", department);

        Api supervisor = new Api(rest, "jx.office");
        Api.Response ran = supervisor.post("/api/websites/" + portal + "/checks/run", null);

        assertThat(ran.status()).as(ran.text()).isEqualTo(200);
        JsonNode check = indicator(ran.body(), "UNREGISTERED_SITE");
        assertThat(check.get("status").asText()).isEqualTo("FAIL");
        assertThat(check.get("detail").asText()).contains("lottery." + domain).doesNotContain("edu." + domain)
                .doesNotContain("www.gov.cn");
        assertThat(check.get("veto").get("measure").asInt()).isEqualTo(1);
        JsonNode finding = null;
        for (JsonNode f : supervisor.get("/api/findings?status=OPEN&websiteId=" + portal).body()) {
            if (f.get("indicator").asText().equals("UNREGISTERED_SITE")) {
                finding = f;
            }
        }
        assertThat(finding).as("an open UNREGISTERED_SITE finding on the portal").isNotNull();
        assertThat(finding.get("categoryCode").asText()).isEqualTo("A33-01");

        Api.Response departments = supervisor.post("/api/websites/" + departmentSite + "/checks/run", null);
        assertThat(departments.status()).as(departments.text()).isEqualTo(200);
        assertThat(departments.body().findValuesAsText("indicator")).contains("HOMEPAGE_STALE").doesNotContain("UNREGISTERED_SITE");
    }

    private long site(String url, String orgCode) {
        jdbc.update("insert into website (url, name, org_code) values (?, ?, ?)", url, "测试网站", orgCode);
        return jdbc.queryForObject("select id from website where url = ?", Long.class, url);
    }

    private static JsonNode indicator(JsonNode checks, String indicator) {
        for (JsonNode check : checks) {
            if (check.get("indicator").asText().equals(indicator)) {
                return check;
            }
        }
        throw new AssertionError(indicator + " not in " + checks);
    }
}
