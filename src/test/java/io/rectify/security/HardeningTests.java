package io.rectify.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.RequestBuilder;

/** Headers on every response, only the health endpoint of the actuator, and no way to deploy a process over HTTP. */
class HardeningTests extends SecurityIntegrationTest {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        List<RequestBuilder> requests = List.of(
                get("/login"),
                get("/actuator/health"),
                get("/api/categories"),                                   // 401
                get("/api/categories").with(httpBasic("jx.edu", PASSWORD)),
                get("/api/sanctions").with(httpBasic("jx.edu", PASSWORD)),   // 403
                get("/api/nothing-here").with(httpBasic("jx.edu", PASSWORD)), // 404
                get("/account/password").with(httpBasic("jx.edu", PASSWORD)), // a page without a session: to the login
                post("/login"));                                            // no CSRF token: 403
        for (RequestBuilder request : requests) {
            MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
            String what = response.getStatus() + " " + response.getContentType();
            assertThat(response.getHeader("Content-Security-Policy")).as(what).isEqualTo(CSP);
            assertThat(response.getHeader("X-Frame-Options")).as(what).isEqualTo("DENY");
            assertThat(response.getHeader("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
            assertThat(response.getHeader("Referrer-Policy")).as(what).isEqualTo("same-origin");
        }
    }

    @Test
    void theActuatorShowsOnlyHealth() throws Exception {
        assertThat(mvc.perform(get("/actuator/health")).andReturn().getResponse().getContentAsString()).contains("\"UP\"");
        String index = mvc.perform(get("/actuator")).andReturn().getResponse().getContentAsString();
        assertThat(index).contains("/actuator/health").doesNotContain("/actuator/env", "/actuator/info");
        for (String endpoint : List.of("/actuator/env", "/actuator/beans", "/actuator/configprops",
                "/actuator/info", "/actuator/loggers", "/actuator/heapdump", "/actuator/threaddump", "/actuator/mappings")) {
            // not exposed, so not an actuator path at all: a page that does not exist, behind the login
            int anonymous = mvc.perform(get(endpoint)).andReturn().getResponse().getStatus();
            int admin = mvc.perform(get(endpoint).with(user("admin").roles("ADMIN"))).andReturn().getResponse().getStatus();
            assertThat(anonymous).as(endpoint).isEqualTo(302);
            assertThat(admin).as(endpoint).isEqualTo(404);
        }
    }

    @Test
    void processesAreDeployedOnlyFromTheBuild() throws Exception {
        // no engine REST API, no web applications of the engine: deployments come only from the jar's bpmn/
        for (String path : List.of("/engine-rest/deployment/create", "/engine-rest/engine", "/camunda/app/cockpit/",
                "/api/deployments", "/api/admin/deployments")) {
            int status = mvc.perform(post(path).with(user("admin").roles("ADMIN")).with(csrf())).andReturn().getResponse().getStatus();
            assertThat(status).as(path).isEqualTo(404);
            int get = mvc.perform(get(path).with(user("admin").roles("ADMIN"))).andReturn().getResponse().getStatus();
            assertThat(get).as(path).isEqualTo(404);
        }
    }
}
