package io.rectify.monitoring.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.IDN;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import io.rectify.monitoring.MonitoringSettings;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpHead;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.DefaultHostnameVerifier;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * The monitoring's only way out to the network. Apache HttpClient 5 (kept by the Apache
 * HttpComponents project, Spring's own first choice of client) because its {@link DnsResolver}
 * is the one lookup of a connection: the address checked here is the address connected to, so
 * a name that answers a public address to the check and a private one to the connect (DNS
 * rebinding) cannot slip through.
 *
 * <ul>
 *   <li>only http and https; every request and every redirect (at most {@code maxRedirects},
 *       followed here, not by the client) resolved and judged by the {@link AddressPolicy};</li>
 *   <li>connect and read timeouts, and a total deadline after which a trickling response is cut;</li>
 *   <li>the body read up to the cap and the connection dropped, never drained;</li>
 *   <li>no cookies, no credentials, no automatic retries, a User-Agent that says who asks;</li>
 *   <li>one request at a time per host, and at most {@code maxConcurrency} at once overall.</li>
 * </ul>
 * Never throws for what a site does: a refused address, a timeout or garbage is a {@link Fetched}
 * without a status and with the reason.
 */
public class SafeHttpClient implements AutoCloseable {

    private final MonitoringSettings.Http settings;
    private final AddressPolicy policy;
    private final HostResolver resolver;
    private final Clock clock;
    private final CloseableHttpClient client;
    private final PoolingHttpClientConnectionManager connections;
    private final Semaphore overall;
    private final ConcurrentHashMap<String, Semaphore> perHost = new ConcurrentHashMap<>();
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "monitoring-deadlines");
        t.setDaemon(true);
        return t;
    });

    public SafeHttpClient(MonitoringSettings.Http settings, AddressPolicy policy, HostResolver resolver, Clock clock) {
        this.settings = settings;
        this.policy = policy;
        this.resolver = resolver;
        this.clock = clock;
        this.overall = new Semaphore(settings.maxConcurrency(), true);
        this.connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new CheckingResolver())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .setSocketTimeout(Timeout.of(settings.readTimeout()))
                        .build())
                .setMaxConnTotal(settings.maxConcurrency())
                .setMaxConnPerRoute(2)
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableAutomaticRetries()
                .setUserAgent(settings.userAgent())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setRedirectsEnabled(false)
                        .setConnectionRequestTimeout(Timeout.of(settings.connectTimeout()))
                        .setResponseTimeout(Timeout.of(settings.readTimeout()))
                        .build())
                .build();
    }

    public AddressPolicy policy() {
        return policy;
    }

    /** GET, following redirects. */
    public Fetched get(String url) {
        return fetch(url, false);
    }

    /** HEAD, following redirects (a broken-link check asks HEAD first and GET if HEAD is not answered). */
    public Fetched head(String url) {
        return fetch(url, true);
    }

    /**
     * Why this URL cannot be fetched as typed (not http/https, no host, or a host that resolves to a
     * refused address); empty when it may. A name that does not resolve is accepted: a site may be
     * registered before it goes live, and every fetch checks again.
     */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = parse(url);
        } catch (IllegalArgumentException bad) {
            return Optional.of(bad.getMessage());
        }
        if (policy.allowsPrivate()) {
            return Optional.empty();
        }
        try {
            addresses(uri.getHost());
            return Optional.empty();
        } catch (RefusedAddressException refused) {
            return Optional.of(refused.getMessage());
        } catch (UnknownHostException notYet) {
            return Optional.empty();
        }
    }

    private Fetched fetch(String url, boolean head) {
        Instant started = clock.instant();
        long startNanos = System.nanoTime();
        long deadline = startNanos + settings.totalDeadline().toNanos();
        URI first;
        try {
            first = parse(url);
        } catch (IllegalArgumentException bad) {
            return failure(safeUri(url), safeUri(url), started, startNanos, bad.getMessage());
        }
        URI current = first;
        for (int hop = 0; hop <= settings.maxRedirects(); hop++) {
            Fetched one = once(first, current, head, started, startNanos, deadline);
            if (one.status() == null || one.status() < 300 || one.status() >= 400 || one.status() == 304) {
                return one;
            }
            String location = location(one.headers());
            if (location == null) {
                return one;
            }
            try {
                current = parse(current.resolve(location.strip()).toString());
            } catch (IllegalArgumentException badRedirect) {
                return failure(first, current, started, startNanos, "redirect refused: " + badRedirect.getMessage());
            }
        }
        return failure(first, current, started, startNanos, "more than " + settings.maxRedirects() + " redirects");
    }

    private Fetched once(URI first, URI uri, boolean head, Instant started, long startNanos, long deadline) {
        String hostKey = uri.getHost().toLowerCase(Locale.ROOT) + ":" + port(uri);
        Semaphore host = perHost.computeIfAbsent(hostKey, k -> new Semaphore(1, true));
        boolean overallTaken = false;
        boolean hostTaken = false;
        try {
            long left = deadline - System.nanoTime();
            overallTaken = overall.tryAcquire(Math.max(0, left), TimeUnit.NANOSECONDS);
            left = deadline - System.nanoTime();
            hostTaken = overallTaken && host.tryAcquire(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (!hostTaken) {
                return failure(first, uri, started, startNanos, "no turn within the deadline (host busy)");
            }
            return exchange(first, uri, head, started, startNanos, deadline);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return failure(first, uri, started, startNanos, "interrupted");
        } finally {
            if (hostTaken) {
                host.release();
            }
            if (overallTaken) {
                overall.release();
            }
        }
    }

    private Fetched exchange(URI first, URI uri, boolean head, Instant started, long startNanos, long deadline) {
        HttpUriRequestBase request = head ? new HttpHead(uri) : new HttpGet(uri);
        request.setHeader("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5");
        request.setHeader("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5");
        long left = Math.max(1, deadline - System.nanoTime());
        ScheduledFuture<?> cut = deadlines.schedule(request::cancel, left, TimeUnit.NANOSECONDS);
        try (CloseableHttpResponse response = client.execute(request, HttpClientContext.create())) {
            int status = response.getCode();
            String headers = headers(response.getHeaders());
            HttpEntity entity = response.getEntity();
            byte[] body = new byte[0];
            boolean truncated = false;
            String error = null;
            if (entity != null && !head) {
                InputStream in = entity.getContent();
                try {
                    Capped capped = read(in, deadline);
                    body = capped.bytes();
                    truncated = capped.truncated();
                    error = capped.error();
                } catch (IOException broken) {
                    error = request.isCancelled() ? "total deadline of " + settings.totalDeadline().toSeconds() + " s passed"
                            : "body cut off: " + describe(broken);
                }
                if (truncated || error != null) {
                    // dropped, not drained: closing the stream first would read the rest of a huge body
                    request.cancel();
                }
                try {
                    in.close();
                } catch (IOException | RuntimeException closing) {
                    // the connection is gone either way
                }
            }
            String contentType = entity == null ? null : entity.getContentType();
            return new Fetched(first, uri, status, headers, body, truncated, Charsets.of(contentType, body), started,
                    elapsed(startNanos), error, false);
        } catch (IOException | RuntimeException failed) {
            boolean cancelled = request.isCancelled();
            String why = cancelled ? "total deadline of " + settings.totalDeadline().toSeconds() + " s passed" : describe(failed);
            return failure(first, uri, started, startNanos, why, cancelled || noAnswer(failed));
        } finally {
            cut.cancel(false);
        }
    }

    private record Capped(byte[] bytes, boolean truncated, String error) {
    }

    private Capped read(InputStream in, long deadline) throws IOException {
        int cap = settings.maxBodyBytes();
        byte[] buffer = new byte[Math.min(cap + 1, 64 * 1024)];
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int n;
        while ((n = in.read(buffer)) != -1) {
            int room = cap - out.size();
            if (n > room) {
                out.write(buffer, 0, room);
                return new Capped(out.toByteArray(), true, null);
            }
            out.write(buffer, 0, n);
            if (System.nanoTime() > deadline) {
                return new Capped(out.toByteArray(), false,
                        "total deadline of " + settings.totalDeadline().toSeconds() + " s passed while reading");
            }
        }
        return new Capped(out.toByteArray(), false, null);
    }

    /**
     * The certificate a https site presents, read with a handshake of its own (so that an expired or
     * misnamed certificate can be described instead of only refused), to the checked address.
     */
    public CertificateSeen certificate(String url) {
        URI uri;
        try {
            uri = parse(url);
        } catch (IllegalArgumentException bad) {
            return CertificateSeen.failed(bad.getMessage());
        }
        if (!"https".equals(uri.getScheme())) {
            return CertificateSeen.failed("not https");
        }
        String hostName = uri.getHost();
        try {
            InetAddress[] addresses = addresses(hostName);
            SSLContext context = SSLContext.getInstance("TLS");
            CapturingTrust capture = new CapturingTrust();
            context.init(null, new TrustManager[] {capture}, null);
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
                socket.connect(new InetSocketAddress(addresses[0], port(uri)), (int) settings.connectTimeout().toMillis());
                socket.setSoTimeout((int) settings.readTimeout().toMillis());
                SSLParameters parameters = socket.getSSLParameters();
                if (!isIpLiteral(hostName)) {
                    parameters.setServerNames(List.of(new SNIHostName(hostName)));
                }
                socket.setSSLParameters(parameters);
                socket.startHandshake();
                Certificate[] chain = socket.getSession().getPeerCertificates();
                X509Certificate[] x509 = Arrays.stream(chain).map(X509Certificate.class::cast).toArray(X509Certificate[]::new);
                String trustProblem = trustProblem(x509);
                String hostProblem = null;
                try {
                    new DefaultHostnameVerifier().verify(hostName, x509[0]);
                } catch (SSLException wrongHost) {
                    hostProblem = "the certificate does not name " + hostName;
                }
                return new CertificateSeen(x509[0].getNotAfter().toInstant(), x509[0].getSubjectX500Principal().getName(),
                        trustProblem, hostProblem, null);
            }
        } catch (Exception failed) {
            return CertificateSeen.failed(describe(failed));
        }
    }

    private static String trustProblem(X509Certificate[] chain) {
        try {
            String authType = "EC".equals(chain[0].getPublicKey().getAlgorithm()) ? "ECDHE_ECDSA" : "RSA";
            SystemTrust.MANAGER.checkServerTrusted(chain, authType);
            return null;
        } catch (Exception untrusted) {
            Throwable root = untrusted;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            return "not trusted: " + root.getMessage();
        }
    }

    /** The JVM's trusted roots, read once on first use: loading the key store per check costs more than the check. */
    private static final class SystemTrust {
        static final X509TrustManager MANAGER = load();

        private static X509TrustManager load() {
            try {
                TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                factory.init((KeyStore) null);
                return Arrays.stream(factory.getTrustManagers()).filter(X509TrustManager.class::isInstance)
                        .map(X509TrustManager.class::cast).findFirst()
                        .orElseThrow(() -> new IllegalStateException("the JVM has no X.509 trust manager"));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JVM's trusted roots cannot be read", e);
            }
        }
    }

    /** What the handshake showed; {@code error} when there was no handshake at all. */
    public record CertificateSeen(Instant notAfter, String subject, String trustProblem, String hostProblem, String error) {
        static CertificateSeen failed(String error) {
            return new CertificateSeen(null, null, null, null, error);
        }
    }

    private static final class CapturingTrust implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("client side only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // accepted here to be described; trust is judged afterwards against the system's store
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    /** The one lookup of a connection, judged before anything is sent. */
    private final class CheckingResolver implements DnsResolver {
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            return addresses(host);
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            return host;
        }
    }

    InetAddress[] addresses(String host) throws UnknownHostException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] all = resolver.resolve(bare);
        if (all == null || all.length == 0) {
            throw new UnknownHostException(host + " has no address");
        }
        for (InetAddress address : all) {
            Optional<String> refusal = policy.refusal(address);
            if (refusal.isPresent()) {
                throw new RefusedAddressException("address refused: " + host + " resolves to " + refusal.get());
            }
        }
        return all;
    }

    /** An absolute http(s) URL with a host, the host in ASCII; anything else refused with the reason. */
    public static URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("no address");
        }
        URI uri;
        try {
            uri = new URI(url.strip().replace(" ", "%20"));
        } catch (URISyntaxException bad) {
            throw new IllegalArgumentException("not a valid address: " + bad.getReason());
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("only http and https addresses are fetched");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("addresses with credentials are not fetched");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("the address has no host");
        }
        try {
            String ascii = IDN.toASCII(host);
            if (!ascii.equals(host) || !scheme.equals(uri.getScheme())) {
                uri = new URI(scheme, null, ascii, uri.getPort(), uri.getPath(), uri.getQuery(), null);
            } else if (uri.getFragment() != null) {
                uri = new URI(uri.getScheme(), uri.getRawSchemeSpecificPart(), null);
            }
        } catch (URISyntaxException | IllegalArgumentException bad) {
            throw new IllegalArgumentException("not a valid host: " + host);
        }
        return uri;
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }

    private static boolean isIpLiteral(String host) {
        return host.matches("[0-9.]+") || host.contains(":");
    }

    private static URI safeUri(String url) {
        try {
            return new URI(null, null, url == null ? "" : url, null);
        } catch (URISyntaxException impossible) {
            return URI.create("about:blank");
        }
    }

    private Fetched failure(URI first, URI current, Instant started, long startNanos, String why) {
        return failure(first, current, started, startNanos, why, false);
    }

    private Fetched failure(URI first, URI current, Instant started, long startNanos, String why, boolean noAnswer) {
        return new Fetched(first, current, null, "", new byte[0], false, StandardCharsets.UTF_8, started,
                elapsed(startNanos), why, noAnswer);
    }

    /**
     * Whether an exchange that failed before any response got no answer at all ({@link Fetched#noAnswer()}):
     * no address for the name, a connection refused, unreachable or timed out, or a connection that
     * stayed silent until the read timeout. A refused address was never asked; a TLS or protocol
     * failure or a connection reset means something was there.
     */
    static boolean noAnswer(Throwable failed) {
        if (failed instanceof RefusedAddressException) {
            return false;
        }
        return failed instanceof UnknownHostException
                || failed instanceof java.net.ConnectException
                || failed instanceof java.net.NoRouteToHostException
                || failed instanceof org.apache.hc.client5.http.ConnectTimeoutException
                || failed instanceof java.net.SocketTimeoutException;
    }

    private static long elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }

    private static String headers(Header[] headers) {
        StringBuilder text = new StringBuilder();
        for (Header header : headers) {
            if (text.length() > 7000) {
                break;
            }
            text.append(header.getName()).append(": ").append(header.getValue()).append('\n');
        }
        return text.toString();
    }

    private static String location(String headers) {
        for (String line : headers.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).equalsIgnoreCase("Location")) {
                return line.substring(colon + 1).strip();
            }
        }
        return null;
    }

    static String describe(Throwable failed) {
        if (failed instanceof RefusedAddressException) {
            return failed.getMessage();
        }
        if (failed instanceof UnknownHostException) {
            return "name not resolved: " + failed.getMessage();
        }
        if (failed instanceof java.net.SocketTimeoutException || failed instanceof java.net.http.HttpTimeoutException
                || failed instanceof org.apache.hc.client5.http.ConnectTimeoutException) {
            return "timed out: " + failed.getMessage();
        }
        if (failed instanceof SSLException) {
            return "TLS failed: " + failed.getMessage();
        }
        if (failed instanceof org.apache.hc.core5.http.ProtocolException || failed instanceof org.apache.hc.core5.http.ParseException
                || failed instanceof org.apache.hc.core5.http.NoHttpResponseException) {
            return "not an HTTP answer: " + failed.getMessage();
        }
        String message = failed.getMessage();
        return failed.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    @Override
    public void close() {
        deadlines.shutdownNow();
        try {
            client.close();
        } catch (IOException ignored) {
            // closing the pool; nothing to keep
        }
    }
}
