package io.rectify.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tests over the real port, through Tomcat and every filter (the proxy headers, the session
 * table), each client a {@link Browser} of its own.
 */
abstract class RealClientTests extends SecurityIntegrationTest {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @LocalServerPort
    int port;

    /** A browser of its own: cookies kept, redirects not followed. */
    Browser browser() {
        return new Browser(port);
    }

    /** An address of TEST-NET-3 that no other test uses, as a proxy would report it. */
    static String clientAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "203.0.113." + (n % 250 + 1);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** An API call with HTTP Basic, as a trusted proxy forwards it from {@code address}. */
    HttpResponse<String> categories(String user, String password, String address) throws Exception {
        return browser().get("/api/categories", "Authorization", basic(user, password), "X-Forwarded-For", address);
    }

    /** Five wrong passwords from {@code address}: the account is locked. */
    void lockOut(String user, String address) throws Exception {
        for (int i = 0; i < 5; i++) {
            categories(user, "Wrong-Pass1", address);
        }
        assertThat(audited(user, "ACCOUNT_LOCKED")).isEqualTo(1);
    }

    long sessionRows() {
        return jdbc.queryForObject("select count(*) from spring_session", Long.class);
    }

    /** The newest audit entry of an actor and action: its detail. */
    String lastDetail(String actor, String action) {
        List<String> details = jdbc.queryForList("select detail from audit_entry where actor = ? and action = ? "
                + "order by id desc", String.class, actor, action);
        assertThat(details).as(action + " of " + actor).isNotEmpty();
        return details.get(0);
    }
}
