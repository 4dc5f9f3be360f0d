package io.rectify.system.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The standard {@code Forwarded} header (RFC 7239), believed only from a trusted proxy — the same
 * addresses Tomcat trusts for {@code X-Forwarded-For} ({@code server.tomcat.remoteip.internal-proxies},
 * by default loopback and the private ranges). Tomcat reads {@code X-Forwarded-For} and
 * {@code X-Forwarded-Proto} itself ({@code server.forward-headers-strategy: native}) but not this
 * header; a request that carries {@code X-Forwarded-For} is left to Tomcat.
 *
 * <p>As Tomcat does for its header, the hops are read from the right: each address that is itself a
 * trusted proxy passes the question on to the hop before it, and the first untrusted one is the
 * client. The scheme is the one the proxy next to us reports.
 */
final class ForwardedByTrustedProxy extends OncePerRequestFilter {

    private final Pattern trusted;

    ForwardedByTrustedProxy(String trustedProxies) {
        this.trusted = Pattern.compile(trustedProxies == null ? "" : trustedProxies);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> headers = Collections.list(request.getHeaders("Forwarded"));
        if (headers.isEmpty() || request.getHeader("X-Forwarded-For") != null || !trusted(request.getRemoteAddr())) {
            chain.doFilter(request, response);
            return;
        }
        List<Hop> hops = new ArrayList<>();
        headers.forEach(header -> hops.addAll(hops(header)));
        String client = request.getRemoteAddr();
        for (int i = hops.size() - 1; i >= 0; i--) {
            String address = hops.get(i).forAddress();
            if (address == null) {
                break;
            }
            client = address;
            if (!trusted(address)) {
                break;
            }
        }
        String proto = hops.isEmpty() ? null : hops.get(hops.size() - 1).proto();
        chain.doFilter(new Forwarded(request, client, proto), response);
    }

    private boolean trusted(String address) {
        return address != null && trusted.matcher(address).matches();
    }

    /** The elements of one header value: {@code for=192.0.2.60;proto=https, for="[2001:db8::17]:4711"}. */
    static List<Hop> hops(String header) {
        List<Hop> hops = new ArrayList<>();
        for (String element : header.split(",")) {
            String forAddress = null;
            String proto = null;
            for (String pair : element.split(";")) {
                int eq = pair.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String name = pair.substring(0, eq).strip().toLowerCase(Locale.ROOT);
                String value = unquote(pair.substring(eq + 1).strip());
                if (name.equals("for")) {
                    forAddress = address(value);
                } else if (name.equals("proto")) {
                    proto = value.toLowerCase(Locale.ROOT);
                }
            }
            hops.add(new Hop(forAddress, proto));
        }
        return hops;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    /** The address without its port ({@code [2001:db8::17]:4711} → {@code 2001:db8::17}); null when hidden ("unknown", "_x"). */
    private static String address(String value) {
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            return end > 0 ? value.substring(1, end) : null;
        }
        if (value.equalsIgnoreCase("unknown") || value.startsWith("_") || value.isEmpty()) {
            return null;
        }
        int colon = value.indexOf(':');
        return colon > 0 && value.indexOf(':', colon + 1) < 0 ? value.substring(0, colon) : value;
    }

    record Hop(String forAddress, String proto) {
    }

    /** The request as the client sent it to the proxy. */
    private static final class Forwarded extends HttpServletRequestWrapper {

        private final String client;
        private final String proto;

        Forwarded(HttpServletRequest request, String client, String proto) {
            super(request);
            this.client = client;
            this.proto = proto;
        }

        @Override
        public String getRemoteAddr() {
            return client;
        }

        @Override
        public String getRemoteHost() {
            return client;
        }

        @Override
        public String getScheme() {
            return proto == null ? super.getScheme() : proto;
        }

        @Override
        public boolean isSecure() {
            return proto == null ? super.isSecure() : proto.equals("https");
        }
    }
}
