package io.rectify.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** The OpenAPI description is generated from the code, shown to signed-in users, and names every endpoint of API.md. */
class OpenApiTests extends IntegrationTest {

    @Autowired
    TestRestTemplate rest;

    @Test
    void describesEveryEndpointOfTheContract() {
        Api.Response response = new Api(rest, "jx.edu").get("/api/openapi");
        assertThat(response.status()).isEqualTo(200);
        JsonNode paths = response.body().get("paths");
        assertThat(paths.has("/api/categories")).isTrue();
        assertThat(paths.get("/api/cases").has("post")).isTrue();
        assertThat(paths.get("/api/cases").has("get")).isTrue();
        assertThat(paths.has("/api/cases/{id}")).isTrue();
        assertThat(paths.has("/api/tasks")).isTrue();
        assertThat(paths.has("/api/tasks/{id}")).isTrue();
        assertThat(paths.get("/api/tasks/{id}/complete").has("post")).isTrue();
        assertThat(paths.has("/api/sanctions")).isTrue();
        assertThat(paths.get("/api/cases/{id}/attachments").has("post")).isTrue();
        assertThat(paths.has("/api/cases/{id}/attachments/{attachmentId}")).isTrue();
        assertThat(paths.has("/api/admin/clock")).isTrue();
        assertThat(paths.has("/api/admin/jobs/run-due")).isTrue();
    }

    @Test
    void isNotShownWithoutSigningIn() {
        assertThat(new Api(rest, null).get("/api/openapi").status()).isEqualTo(401);
    }
}
