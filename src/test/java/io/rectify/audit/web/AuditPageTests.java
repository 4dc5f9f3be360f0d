package io.rectify.audit.web;

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

/** The /audit page: the audit administrator verifies and reads; nobody else opens it. */
class AuditPageTests extends IntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Test
    void theAuditAdministratorVerifiesNowAndSeesTheResultAndTheEntries() throws Exception {
        HttpClient browser = signedIn("auditor");
        HttpResponse<String> page = send(browser, HttpRequest.newBuilder(url("/audit")).GET());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Audit record", "Verify now");

        HttpResponse<String> verified = send(browser, HttpRequest.newBuilder(url("/audit/verification"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + encode(csrf(page.body())))));
        assertThat(verified.statusCode()).isEqualTo(302);
        assertThat(verified.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/audit"));

        HttpResponse<String> after = send(browser, HttpRequest.newBuilder(url("/audit?action=AUDIT_VERIFIED")).GET());
        assertThat(after.body()).contains("The audit chain is intact").contains("AUDIT_VERIFIED").contains("auditor");
    }

    @Test
    void aFilterThatCannotBeReadIsShownAtItsField() throws Exception {
        HttpClient browser = signedIn("auditor");
        HttpResponse<String> page = send(browser, HttpRequest.newBuilder(url("/audit?from=yesterday")).GET());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("aria-invalid=\"true\"", "Write the time as 2026-09-18");
    }

    @Test
    void otherRolesAreRefused() throws Exception {
        for (String user : new String[] {"admin", "security", "jx.office"}) {
            HttpClient browser = signedIn(user);
            assertThat(send(browser, HttpRequest.newBuilder(url("/audit")).GET()).statusCode()).as(user).isEqualTo(403);
            String token = csrf(send(browser, HttpRequest.newBuilder(url("/login")).GET()).body());
            assertThat(send(browser, HttpRequest.newBuilder(url("/audit/verification"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + encode(token)))).statusCode()).as(user).isEqualTo(403);
        }
    }

    private HttpClient signedIn(String user) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String token = csrf(send(browser, HttpRequest.newBuilder(url("/login")).GET()).body());
        HttpResponse<String> signedIn = send(browser, HttpRequest.newBuilder(url("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + encode("Demo@2026")
                        + "&_csrf=" + encode(token))));
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        return browser;
    }

    private static HttpResponse<String> send(HttpClient browser, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        return browser.send(request.header("Accept-Language", "en").build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
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
