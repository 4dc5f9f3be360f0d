package io.rectify.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The Forwarded header is believed from the proxies Tomcat trusts by default, and from no one else. */
class ForwardedByTrustedProxyTest {

    private final ForwardedByTrustedProxy filter =
            new ForwardedByTrustedProxy(new ServerProperties().getTomcat().getRemoteip().getInternalProxies());

    @Test
    void fromATrustedProxyTheClientAndItsSchemeAreTheForwardedOnes() throws Exception {
        HttpServletRequest seen = through("10.0.0.5", "for=198.51.100.7;proto=https");
        assertThat(seen.getRemoteAddr()).isEqualTo("198.51.100.7");
        assertThat(seen.isSecure()).isTrue();
        assertThat(seen.getScheme()).isEqualTo("https");
    }

    @Test
    void fromAnyoneElseTheHeaderIsIgnored() throws Exception {
        HttpServletRequest seen = through("198.51.100.1", "for=203.0.113.9;proto=https");
        assertThat(seen.getRemoteAddr()).isEqualTo("198.51.100.1");
        assertThat(seen.isSecure()).isFalse();
    }

    @Test
    void hopsAreReadFromTheRightUntilTheFirstAddressThatIsNoTrustedProxy() throws Exception {
        assertThat(through("127.0.0.1", "for=203.0.113.1, for=198.51.100.8, for=192.168.1.2").getRemoteAddr())
                .as("203.0.113.1 may be forged by 198.51.100.8, which no one trusts").isEqualTo("198.51.100.8");
        assertThat(through("127.0.0.1", "for=\"[2001:db8:cafe::17]:4711\"").getRemoteAddr()).isEqualTo("2001:db8:cafe::17");
        assertThat(through("127.0.0.1", "for=198.51.100.3:8080").getRemoteAddr()).isEqualTo("198.51.100.3");
        assertThat(through("127.0.0.1", "for=unknown").getRemoteAddr()).as("a hidden client").isEqualTo("127.0.0.1");
    }

    @Test
    void aRequestWithXForwardedForIsLeftToTomcat() throws Exception {
        MockHttpServletRequest request = request("10.0.0.5", "for=198.51.100.7");
        request.addHeader("X-Forwarded-For", "203.0.113.4");
        assertThat(pass(request).getRemoteAddr()).isEqualTo("10.0.0.5");
    }

    private HttpServletRequest through(String remote, String forwarded) throws Exception {
        return pass(request(remote, forwarded));
    }

    private static MockHttpServletRequest request(String remote, String forwarded) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/categories");
        request.setRemoteAddr(remote);
        request.addHeader("Forwarded", forwarded);
        return request;
    }

    private HttpServletRequest pass(MockHttpServletRequest request) throws Exception {
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, new MockHttpServletResponse(), chain);
        return (HttpServletRequest) chain.getRequest();
    }
}
