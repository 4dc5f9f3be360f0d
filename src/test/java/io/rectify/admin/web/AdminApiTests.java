package io.rectify.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.rectify.PageTest;
import io.rectify.api.Api;
import org.junit.jupiter.api.Test;

/** The administrator's JSON API: ADMIN only, problem details naming each bad field, nothing half-created. */
class AdminApiTests extends PageTest {

    @Test
    void onlyTheSystemAdministratorCallsIt() {
        Api admin = api("admin");
        for (String path : List.of("/api/admin/bodies", "/api/admin/websites", "/api/admin/users", "/api/admin/incidents",
                "/api/admin/calendar")) {
            assertThat(admin.get(path).status()).as(path).isEqualTo(200);
            for (String other : List.of("security", "auditor", "jx.office", "jx.supervision")) {
                admin.as(other).get(path).isProblem(403);
            }
        }
        admin.as("security").post("/api/admin/bodies", body("JX-T-API", "DEPARTMENT")).isProblem(403);
        assertThat(admin.get("/api/admin/bodies").body().findValuesAsText("code")).doesNotContain("JX-T-API");
    }

    @Test
    void aBodyIsCreatedOrRefusedWithAProblemNamingEachField() {
        Api admin = api("admin");
        Map<String, Object> bad = body("lower case", "OFFICE");
        bad.put("regionCode", "XX");
        Api.Response refused = admin.post("/api/admin/bodies", bad).isInvalid("code");
        assertThat(refused.errorFields()).contains("regionCode", "casePrefix");
        admin.post("/api/admin/bodies", null).isInvalid("code");
        admin.postRaw("/api/admin/bodies", "{not json").isProblem(400);

        String code = "NC-T" + System.nanoTime() % 100000;
        Api.Response created = admin.post("/api/admin/bodies", body(code, "DEPARTMENT"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.entity().getHeaders().getLocation()).hasPath("/api/admin/bodies/" + code);
        assertThat(created.body().get("regionCode").asText()).isEqualTo("NC");
        admin.post("/api/admin/bodies", body(code, "DEPARTMENT")).isInvalid("code");

        Api.Response site = admin.post("/api/admin/websites", Map.of("url", "https://" + code.toLowerCase() + ".nc.gov.cn",
                "name", "测试网站", "orgCode", code));
        assertThat(site.status()).as(site.text()).isEqualTo(201);
        admin.post("/api/admin/websites", Map.of("url", "www.example.com", "name", "x", "orgCode", code)).isInvalid("url");
    }

    private static Map<String, Object> body(String code, String kind) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("nameZh", "测试单位");
        body.put("nameEn", "Test body");
        body.put("kind", kind);
        body.put("regionCode", "NC");
        return body;
    }
}
