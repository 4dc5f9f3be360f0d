package io.rectify.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.rectify.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The browser's door: a form login at /login, then the API with the session and its CSRF token. */
class SessionLoginApiTests extends IntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @Test
    void aSignedInSessionUsesTheApiAndMustSendItsCsrfTokenToChangeAnything() throws Exception {
        HttpResponse<String> loginPage = send(HttpRequest.newBuilder(url("/login")).GET());
        assertThat(loginPage.statusCode()).isEqualTo(200);
        assertThat(loginPage.body()).contains("name=\"username\"", "name=\"password\"");
        String token = csrf(loginPage.body());

        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(url("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=jx.office&password=" + encode(Api.PASSWORD)
                        + "&_csrf=" + encode(token))));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));

        assertThat(send(HttpRequest.newBuilder(url("/api/cases")).GET()).statusCode()).isEqualTo(200);

        String newCase = "{\"categoryCode\":\"A33-02\",\"respondentOrgCode\":\"NC-EDU\",\"title\":\"备案\","
                + "\"description\":\"未按要求备案\",\"source\":\"MANUAL\"}";
        HttpResponse<String> forged = send(HttpRequest.newBuilder(url("/api/cases"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(newCase)));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));

        String sessionToken = csrf(send(HttpRequest.newBuilder(url("/login")).GET()).body());
        HttpResponse<String> opened = send(HttpRequest.newBuilder(url("/api/cases"))
                .header("Content-Type", "application/json").header("X-CSRF-TOKEN", sessionToken)
                .POST(HttpRequest.BodyPublishers.ofString(newCase)));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    }

    @Test
    void aWrongPasswordDoesNotSignIn() throws Exception {
        String token = csrf(send(HttpRequest.newBuilder(url("/login")).GET()).body());
        HttpResponse<String> refused = send(HttpRequest.newBuilder(url("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=jx.office&password=wrong&_csrf=" + encode(token))));
        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("error"));
        assertThat(send(HttpRequest.newBuilder(url("/api/cases")).GET()).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return m.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
