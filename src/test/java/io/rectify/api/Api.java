package io.rectify.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** A small client of the HTTP API, signed in as one demo user. */
public final class Api {

    public static final String PASSWORD = "Demo@2026";

    private final TestRestTemplate rest;
    private final ObjectMapper json = new ObjectMapper();
    private final String user;
    private final String password;

    public Api(TestRestTemplate rest, String user) {
        this(rest, user, PASSWORD);
    }

    private Api(TestRestTemplate rest, String user, String password) {
        this.rest = rest;
        this.user = user;
        this.password = password;
    }

    public Api as(String otherUser) {
        return new Api(rest, otherUser);
    }

    /** The same client with no credentials at all. */
    public Api anonymous() {
        return new Api(rest, null, null);
    }

    /** This user with a password that is not theirs. */
    public Api withPassword(String otherPassword) {
        return new Api(rest, user, otherPassword);
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
        HttpHeaders headers = headers();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = rest.exchange(path, method, new HttpEntity<>(body, headers), String.class);
        return new Response(response, read(response.getBody()));
    }

    /** Sends this exact text as a JSON body, e.g. to see how malformed JSON is answered. */
    public Response postRaw(String path, String rawJson) {
        HttpHeaders headers = headers();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = rest.exchange(path, HttpMethod.POST,
                new HttpEntity<>(rawJson.getBytes(StandardCharsets.UTF_8), headers), String.class);
        return new Response(response, read(response.getBody()));
    }

    /** Uploads one file as the multipart part {@code file}. */
    public Response upload(String caseId, String fileName, byte[] content) {
        return postFile("/api/cases/" + caseId + "/attachments", fileName, content, Map.of());
    }

    /** Posts a multipart form: one file as the part {@code file}, and text fields beside it. */
    public Response postFile(String path, String fileName, byte[] content, Map<String, String> fields) {
        HttpHeaders headers = headers();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        fields.forEach(parts::add);
        ResponseEntity<String> response = rest.exchange(path, HttpMethod.POST, new HttpEntity<>(parts, headers), String.class);
        return new Response(response, read(response.getBody()));
    }

    /** Downloads a file: the raw bytes with their headers. */
    public ResponseEntity<byte[]> download(String caseId, String attachmentId) {
        return download("/api/cases/" + caseId + "/attachments/" + attachmentId);
    }

    /** Downloads a file at this address: the raw bytes with their headers, whatever the status. */
    public ResponseEntity<byte[]> download(String path) {
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers()), byte[].class);
    }

    /** Downloads a PDF at this address: its bytes; fails unless the answer is 200 with the PDF type. */
    public byte[] pdf(String path) {
        ResponseEntity<byte[]> r = download(path);
        assertThat(r.getStatusCode().value()).as(path).isEqualTo(200);
        assertThat(r.getHeaders().getContentType()).isEqualTo(org.springframework.http.MediaType.APPLICATION_PDF);
        return r.getBody();
    }

    private HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        if (user != null) {
            headers.setBasicAuth(user, password);
        }
        headers.setAcceptLanguageAsLocales(List.of(java.util.Locale.SIMPLIFIED_CHINESE));
        return headers;
    }

    /** The case as this user sees it; fails unless it is visible. */
    public JsonNode caseView(String caseId) {
        Response r = get("/api/cases/" + caseId);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.body();
    }

    /** The id of an open task of a case, read from the case view (not from the caller's inbox). */
    public static String openTask(JsonNode caseView, String taskKey) {
        for (JsonNode task : caseView.get("openTasks")) {
            if (task.get("taskKey").asText().equals(taskKey)) {
                return task.get("id").asText();
            }
        }
        throw new AssertionError("no open " + taskKey + " task in " + caseView);
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

        /** The fields named in a validation problem's {@code errors}. */
        public List<String> errorFields() {
            List<String> fields = new java.util.ArrayList<>();
            if (body.has("errors")) {
                body.get("errors").forEach(e -> fields.add(e.get("field").asText()));
            }
            return fields;
        }

        /** Asserts an RFC 9457 problem detail with this status, a title and a detail. */
        public Response isProblem(int expectedStatus) {
            assertThat(status()).as(text()).isEqualTo(expectedStatus);
            assertThat(contentType()).as(text()).startsWith("application/problem+json");
            assertThat(body.path("status").asInt()).as(text()).isEqualTo(expectedStatus);
            assertThat(body.path("title").asText()).as(text()).isNotBlank();
            assertThat(body.path("detail").asText()).as(text()).isNotBlank();
            return this;
        }

        /** Asserts a 400 validation problem whose errors name this field (each with a message). */
        public Response isInvalid(String field) {
            isProblem(400);
            assertThat(errorFields()).as(text()).contains(field);
            body.get("errors").forEach(e -> assertThat(e.path("message").asText()).as(text()).isNotBlank());
            return this;
        }
    }
}
