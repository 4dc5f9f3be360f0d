package io.rectify.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A small client of the HTTP API, signed in as one demo user. */
public final class Api {

    public static final String PASSWORD = "Demo@2026";

    private final TestRestTemplate rest;
    private final ObjectMapper json = new ObjectMapper();
    private final String user;

    public Api(TestRestTemplate rest, String user) {
        this.rest = rest;
        this.user = user;
    }

    public Api as(String otherUser) {
        return new Api(rest, otherUser);
    }

    public Response get(String path) {
        return exchange(HttpMethod.GET, path, null);
    }

    public Response post(String path, Object body) {
        return exchange(HttpMethod.POST, path, body);
    }

    public Response delete(String path) {
        return exchange(HttpMethod.DELETE, path, null);
    }

    public Response exchange(HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        if (user != null) {
            headers.setBasicAuth(user, PASSWORD);
        }
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAcceptLanguageAsLocales(List.of(java.util.Locale.SIMPLIFIED_CHINESE));
        ResponseEntity<String> response = rest.exchange(path, method, new HttpEntity<>(body, headers), String.class);
        return new Response(response, read(response.getBody()));
    }

    /** Opens a case as this (supervisor) user and returns its view. */
    public JsonNode openCase(String category, String respondent) {
        Response r = post("/api/cases", Map.of("categoryCode", category, "respondentOrgCode", respondent,
                "title", "测试案件 " + category, "description", "网站存在违规情形", "source", "INSPECTION"));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body();
    }

    /** The open task of a case with this key, as this user sees it in their inbox. */
    public String taskOf(String caseId, String taskKey) {
        Response inbox = get("/api/tasks");
        assertThat(inbox.status()).isEqualTo(200);
        for (JsonNode task : inbox.body()) {
            if (task.get("caseId").asText().equals(caseId) && task.get("taskKey").asText().equals(taskKey)) {
                return task.get("id").asText();
            }
        }
        throw new AssertionError(user + " has no " + taskKey + " task of case " + caseId + ": " + inbox.text());
    }

    public JsonNode complete(String caseId, String taskKey, Map<String, ?> values) {
        Response r = post("/api/tasks/" + taskOf(caseId, taskKey) + "/complete", values);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.body();
    }

    private JsonNode read(String body) {
        try {
            return body == null || body.isBlank() ? json.nullNode() : json.readTree(body);
        } catch (Exception e) {
            return json.getNodeFactory().textNode(body);
        }
    }

    public record Response(ResponseEntity<String> entity, JsonNode body) {

        public int status() {
            return entity.getStatusCode().value();
        }

        public String text() {
            return entity.getBody();
        }

        public String contentType() {
            return String.valueOf(entity.getHeaders().getContentType());
        }
    }
}
