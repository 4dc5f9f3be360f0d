package io.rectify.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.catalina.valves.RemoteIpValve;

import org.junit.jupiter.api.Test;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/**
 * Behind the TLS proxy, with the default trust (loopback and the private ranges, so this test's
 * own loopback connection is the proxy): the client's address and scheme come from the proxy's
 * headers, so throttles count real clients, the audit names them, and the cookie is Secure.
 */
class BehindAProxyTests extends RealClientTests {

    @Test
    void aClientBehindTheProxyIsThrottledByItsOwnAddressNotEveryoneBehindTheProxy() throws Exception {
        String attacker = clientAddress();
        String colleague = clientAddress();
        for (int i = 0; i < 30; i++) {
            assertThat(categories("guess" + i + "." + attacker, "Wrong-Pass1", attacker).statusCode()).isEqualTo(401);
        }
        assertThat(lastDetail("guess29." + attacker, "LOGIN_FAILED")).endsWith("from " + attacker);

        assertThat(categories("jx.edu", PASSWORD, attacker).statusCode()).as("the guessing client is throttled")
                .isEqualTo(429);
        assertThat(categories("jx.edu", PASSWORD, colleague).statusCode()).as("another client behind the same proxy is not")
                .isEqualTo(200);
    }

    @Test
    void theStandardForwardedHeaderOfTheProxyNamesTheClient() throws Exception {
        String user = freshUser();
        Browser api = browser();
        api.get("/api/categories", "Authorization", basic(user, "Wrong-Pass1"), "Forwarded", "for=198.51.100.7;proto=https");
        assertThat(lastDetail(user, "LOGIN_FAILED")).endsWith("from 198.51.100.7");

        // a chain: the hop the trusted proxy at 10.0.0.5 was talking to is the client
        api.get("/api/categories", "Authorization", basic(user, "Wrong-Pass1"),
                "Forwarded", "for=\"[2001:db8:cafe::17]:4711\", for=198.51.100.8;proto=https, for=10.0.0.5");
        assertThat(lastDetail(user, "LOGIN_FAILED")).endsWith("from 198.51.100.8");
    }

    @Test
    void theSessionCookieIsSecureWhenTheClientsRequestWasHttps() throws Exception {
        String user = freshUser();
        HttpResponse<String> overHttps = browser().signInWith(user, PASSWORD, "X-Forwarded-Proto", "https",
                "X-Forwarded-For", clientAddress());
        assertThat(overHttps.statusCode()).isEqualTo(302);
        assertThat(sessionCookie(overHttps)).contains("Secure");

        HttpResponse<String> overHttp = browser().signInWith(user, PASSWORD);
        assertThat(sessionCookie(overHttp)).doesNotContain("Secure");
    }

    @Test
    void tomcatBelievesForwardedAddressesOnlyFromLoopbackAndThePrivateRanges() {
        var tomcat = ((TomcatWebServer) ((ServletWebServerApplicationContext) application).getWebServer()).getTomcat();
        RemoteIpValve valve = Arrays.stream(tomcat.getEngine().getPipeline().getValves())
                .filter(RemoteIpValve.class::isInstance).map(RemoteIpValve.class::cast).findFirst().orElseThrow();
        Pattern trusted = Pattern.compile(valve.getInternalProxies());
        assertThat(List.of("127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.0.2", "::1")).allMatch(a -> trusted.matcher(a).matches());
        assertThat(List.of("198.51.100.1", "203.0.113.9", "8.8.8.8", "172.32.0.1")).noneMatch(a -> trusted.matcher(a).matches());
        assertThat(valve.getProtocolHeader()).isEqualToIgnoringCase("X-Forwarded-Proto");
    }

    static String sessionCookie(HttpResponse<String> response) {
        List<String> cookies = response.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("SESSION=")).toList();
        assertThat(cookies).as("a session cookie is set").hasSize(1);
        return cookies.get(0);
    }
}
