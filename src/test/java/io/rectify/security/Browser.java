package io.rectify.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser of one person: cookies kept, redirects not followed, the CSRF token read from the login page. */
final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final int port;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    Browser(int port) {
        this.port = port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    /** Signs in through the login page; answers where the login sent the browser. */
    String signIn(String username, String password) throws Exception {
        HttpResponse<String> done = signInWith(username, password);
        assertThat(done.statusCode()).isEqualTo(302);
        return done.headers().firstValue("Location").orElseThrow();
    }

    /** Signs in through the login page with these extra request headers (name, value, …); the answer to the POST. */
    HttpResponse<String> signInWith(String username, String password, String... headers) throws Exception {
        return postForm("/login", "username=" + encode(username) + "&password=" + encode(password)
                + "&_csrf=" + encode(csrfToken()), headers);
    }

    String csrfToken() throws Exception {
        Matcher m = CSRF.matcher(get("/login").body());
        assertThat(m.find()).as("a CSRF token on the login page").isTrue();
        return m.group(1);
    }

    String sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("SESSION"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    /** The id the database keeps for the session (the cookie carries it base64-encoded). */
    String storedSessionId() {
        String cookie = sessionId();
        return cookie == null ? null : new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
    }

    /** A GET with extra request headers given as name, value, …. */
    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        return send(request(path, headers).GET());
    }

    HttpResponse<String> postForm(String path, String form, String... headers) throws IOException, InterruptedException {
        return send(request(path, headers).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    HttpResponse<String> postJson(String path, String json, String csrfToken) throws IOException, InterruptedException {
        return csrfToken == null ? postJsonWith(path, json) : postJsonWith(path, json, "X-CSRF-TOKEN", csrfToken);
    }

    /** A JSON POST with extra request headers given as name, value, …. */
    HttpResponse<String> postJsonWith(String path, String json, String... headers) throws IOException, InterruptedException {
        return send(request(path, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
