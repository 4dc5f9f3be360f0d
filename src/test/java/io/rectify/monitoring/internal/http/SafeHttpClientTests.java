package io.rectify.monitoring.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.rectify.monitoring.MonitoringSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The monitoring's client against a small server on 127.0.0.1 that misbehaves in every way the
 * issue names: each fault is a fetch with a reason, never an exception; and the addresses it must
 * not reach are refused before anything is sent, on the first request and on every redirect.
 */
class SafeHttpClientTests {

    static HttpServer server;
    static int port;
    static final AtomicInteger secretHits = new AtomicInteger();

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
        server.createContext("/ok", ex -> send(ex, 200, "text/html; charset=utf-8", "<p>你好 2026-12-05</p>".getBytes(StandardCharsets.UTF_8)));
        server.createContext("/gbk", ex -> send(ex, 200, "text/html; charset=GBK", "<p>江西省教育厅 通知公告</p>".getBytes(Charset.forName("GBK"))));
        server.createContext("/gbk-meta", ex -> send(ex, 200, "text/html",
                "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body>南昌市人民政府</body></html>"
                        .getBytes(Charset.forName("GB2312"))));
        server.createContext("/huge", ex -> {
            ex.getResponseHeaders().add("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'a');
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 160_000; i++) { // 10 GB if nobody stops reading
                    out.write(chunk);
                }
            } catch (IOException clientLeft) {
                // the client stopped reading at its cap, as it should
            }
        });
        server.createContext("/loop", ex -> redirect(ex, "/loop?" + System.nanoTime()));
        server.createContext("/to-loopback", ex -> redirect(ex, "http://127.0.0.2:" + port + "/secret"));
        server.createContext("/to-private", ex -> redirect(ex, "http://10.1.2.3/secret"));
        server.createContext("/to-metadata", ex -> redirect(ex, "http://169.254.169.254/latest/meta-data/"));
        server.createContext("/to-name", ex -> redirect(ex, "http://internal.example.test:" + port + "/secret"));
        server.createContext("/to-ftp", ex -> redirect(ex, "ftp://example.org/x"));
        server.createContext("/secret", ex -> {
            secretHits.incrementAndGet();
            send(ex, 200, "text/plain", "secret".getBytes(StandardCharsets.UTF_8));
        });
        server.createContext("/trickle", ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (IOException | InterruptedException clientLeft) {
                // cut off by the client's total deadline
            }
        });
        server.createContext("/missing", ex -> send(ex, 404, "text/html", "nope".getBytes(StandardCharsets.UTF_8)));
        server.createContext("/unavailable", ex -> send(ex, 503, "text/html", "later".getBytes(StandardCharsets.UTF_8)));
        server.start();
        port = server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    /** Loopback is allowed only for 127.0.0.1 (this test's server); every other refused range stays refused. */
    static final AddressPolicy ONLY_THE_TEST_SERVER = new AddressPolicy(false) {
        @Override
        public Optional<String> refusal(InetAddress address) {
            return address.getHostAddress().equals("127.0.0.1") ? Optional.empty() : super.refusal(address);
        }
    };

    /** names of this test: the public-looking one points at the test server, the internal one at another loopback address */
    static final HostResolver NAMES = host -> switch (host) {
        case "site.example.test" -> new InetAddress[] {InetAddress.getByName("127.0.0.1")};
        case "internal.example.test" -> new InetAddress[] {InetAddress.getByName("127.0.0.2")};
        case "rebinding.example.test" -> new InetAddress[] {InetAddress.getByName("127.0.0.1"), InetAddress.getByName("10.0.0.7")};
        case "gone.example.test" -> throw new UnknownHostException(host);
        default -> HostResolver.SYSTEM.resolve(host);
    };

    static SafeHttpClient client(AddressPolicy policy, Duration deadline, int cap) {
        return new SafeHttpClient(new MonitoringSettings.Http(Duration.ofSeconds(2), Duration.ofSeconds(2), deadline, cap, 5, 4,
                "Rectify-Monitor/test"), policy, NAMES, Clock.systemUTC());
    }

    SafeHttpClient http = client(ONLY_THE_TEST_SERVER, Duration.ofSeconds(5), 1024 * 1024);

    String url(String path) {
        return "http://site.example.test:" + port + path;
    }

    @Test
    void aPageIsReadWithItsStatusHeadersTimingAndText() {
        Fetched page = http.get(url("/ok"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.ok()).isTrue();
        assertThat(page.text()).contains("你好");
        assertThat(page.headers()).containsIgnoringCase("content-type");
        assertThat(page.finalUrl().toString()).isEqualTo(url("/ok"));
        assertThat(http.get(url("/missing")).ok()).isFalse();
    }

    @Test
    void gbkPagesAreReadInTheirCharsetFromTheHeaderOrTheMetaTag() {
        assertThat(http.get(url("/gbk")).text()).contains("江西省教育厅 通知公告");
        assertThat(http.get(url("/gbk-meta")).text()).contains("南昌市人民政府");
    }

    @Test
    void aHugeBodyIsCutAtTheCapAndTheConnectionDropped() {
        long started = System.nanoTime();
        Fetched huge = client(ONLY_THE_TEST_SERVER, Duration.ofSeconds(10), 256 * 1024).get(url("/huge"));
        assertThat(huge.status()).isEqualTo(200);
        assertThat(huge.truncated()).isTrue();
        assertThat(huge.body()).hasSize(256 * 1024);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void anEndlessRedirectStopsAfterFiveWithAReason() {
        Fetched loop = http.get(url("/loop"));
        assertThat(loop.status()).isNull();
        assertThat(loop.error()).contains("more than 5 redirects");
    }

    @Test
    void aSlowTrickleIsCutAtTheTotalDeadline() {
        long started = System.nanoTime();
        Fetched slow = client(ONLY_THE_TEST_SERVER, Duration.ofSeconds(1), 1024 * 1024).get(url("/trickle"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(slow.ok()).isFalse();
        assertThat(slow.error()).contains("deadline");
    }

    @Test
    void garbageInsteadOfHttpIsAFailedFetchWithAReason() throws IOException {
        try (ServerSocket garbage = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            replyOnce(garbage, "\u0000\u0001garbage that is not HTTP\r\n\r\n");
            Fetched fetched = http.get("http://127.0.0.1:" + garbage.getLocalPort() + "/");
            assertThat(fetched.status()).isNull();
            assertThat(fetched.error()).isNotBlank();
            assertThat(fetched.noAnswer()).as("garbage is a reply, if not an HTTP one").isFalse();
        }
    }

    @Test
    void aTlsErrorIsAFailedFetchAndACertificateNotSeen() {
        Fetched tls = http.get("https://site.example.test:" + port + "/ok");
        assertThat(tls.status()).isNull();
        assertThat(tls.error()).isNotBlank();
        assertThat(http.certificate("https://site.example.test:" + port + "/").error()).isNotBlank();
    }

    /** The monitoring stops reading a site whose homepage got no answer: that is silence, never an answer of any kind. */
    @Test
    void noNameNoConnectionOrSilenceIsNoAnswerWhileAnyStatusOrBrokenReplyIsAnAnswer() throws IOException {
        int closedPort;
        try (ServerSocket closing = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = closing.getLocalPort();
        }
        Fetched refused = http.get("http://127.0.0.1:" + closedPort + "/");
        assertThat(refused.status()).isNull();
        assertThat(refused.noAnswer()).as(refused.error()).isTrue();
        Fetched unresolved = http.get("http://gone.example.test/");
        assertThat(unresolved.error()).contains("name not resolved");
        assertThat(unresolved.noAnswer()).isTrue();
        // the kernel completes the connection into the backlog; nobody ever reads the request or replies
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"))) {
            Fetched timedOut = http.get("http://127.0.0.1:" + silent.getLocalPort() + "/");
            assertThat(timedOut.error()).contains("timed out");
            assertThat(timedOut.noAnswer()).isTrue();
            Fetched handshakeTimedOut = http.get("https://127.0.0.1:" + silent.getLocalPort() + "/");
            assertThat(handshakeTimedOut.status()).isNull();
            assertThat(handshakeTimedOut.noAnswer()).as(handshakeTimedOut.error()).isTrue();
        }

        assertThat(http.get(url("/missing")).noAnswer()).isFalse();
        assertThat(http.get(url("/unavailable")).status()).isEqualTo(503);
        assertThat(http.get(url("/unavailable")).noAnswer()).isFalse();
        assertThat(http.get(url("/loop")).noAnswer()).as("a server that redirects endlessly answers").isFalse();
        try (ServerSocket plain = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            replyOnce(plain, "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
            Fetched tls = http.get("https://127.0.0.1:" + plain.getLocalPort() + "/");
            assertThat(tls.error()).contains("TLS failed");
            assertThat(tls.noAnswer()).as("a TLS failure: something answered").isFalse();
        }
        assertThat(http.get("http://internal.example.test:" + port + "/").noAnswer()).as("a refused address was never asked").isFalse();
    }

    @Test
    void loopbackPrivateAndMetadataAddressesAreRefusedBeforeAnythingIsSent() {
        SafeHttpClient strict = client(new AddressPolicy(false), Duration.ofSeconds(5), 1024);
        assertThat(strict.get("http://127.0.0.1:" + port + "/secret").error()).contains("refused").contains("loopback");
        assertThat(strict.get("http://10.0.0.1/").error()).contains("refused").contains("private");
        assertThat(strict.get("http://169.254.169.254/latest/meta-data/").error()).contains("refused").contains("metadata");
        assertThat(strict.get("http://[::1]:" + port + "/secret").error()).contains("refused");
        assertThat(strict.get("http://[::ffff:127.0.0.1]:" + port + "/secret").error()).contains("refused");
        assertThat(strict.get("http://site.example.test:" + port + "/secret").error()).contains("refused");
        assertThat(strict.get("http://localhost:" + port + "/secret").error()).contains("refused");
        assertThat(strict.get("file:///etc/passwd").error()).contains("only http and https");
        assertThat(strict.refusal("http://169.254.169.254/")).isPresent();
        assertThat(strict.refusal("ftp://www.jiangxi.gov.cn/")).isPresent();
        assertThat(strict.refusal("https://not-yet-live.invalid/")).isEmpty();
        assertThat(secretHits).hasValue(0);
    }

    @Test
    void aRedirectToARefusedAddressOrANameResolvingToOneIsRefused() {
        for (String path : new String[] {"/to-loopback", "/to-private", "/to-metadata", "/to-name"}) {
            Fetched fetched = http.get(url(path));
            assertThat(fetched.status()).as(path).isNull();
            assertThat(fetched.error()).as(path).contains("refused");
        }
        assertThat(http.get(url("/to-ftp")).error()).contains("only http and https");
        assertThat(http.get("http://rebinding.example.test:" + port + "/secret").error()).contains("refused");
        assertThat(secretHits).hasValue(0);
    }

    @Test
    void theDefaultProfileMayFetchThisMachine() {
        SafeHttpClient open = client(new AddressPolicy(true), Duration.ofSeconds(5), 1024);
        assertThat(open.get("http://127.0.0.1:" + port + "/ok").status()).isEqualTo(200);
    }

    @Test
    void theRefusedRangesAreTheDocumentedOnes() throws UnknownHostException {
        Map<String, Boolean> refused = Map.ofEntries(
                Map.entry("127.0.0.1", true), Map.entry("10.20.30.40", true), Map.entry("172.16.0.1", true),
                Map.entry("172.32.0.1", false), Map.entry("192.168.1.1", true), Map.entry("100.64.0.1", true),
                Map.entry("169.254.169.254", true), Map.entry("0.0.0.0", true), Map.entry("fd00::1", true),
                Map.entry("fe80::1", true), Map.entry("::ffff:10.0.0.1", true), Map.entry("::1", true),
                Map.entry("59.52.1.1", false), Map.entry("2400:da00::1", false), Map.entry("224.0.0.1", true));
        AddressPolicy policy = new AddressPolicy(false);
        refused.forEach((address, expected) -> {
            try {
                assertThat(policy.refusal(InetAddress.getByName(address)).isPresent()).as(address).isEqualTo(expected);
            } catch (UnknownHostException impossible) {
                throw new IllegalStateException(impossible);
            }
        });
    }

    /** Accepts one connection, reads what comes first and answers it with these bytes. */
    private static void replyOnce(ServerSocket server, String reply) {
        new Thread(() -> {
            try (Socket s = server.accept()) {
                s.getInputStream().read(new byte[1024]);
                s.getOutputStream().write(reply.getBytes(StandardCharsets.ISO_8859_1));
            } catch (IOException ignored) {
                // the client hung up
            }
        }).start();
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static void redirect(HttpExchange ex, String location) throws IOException {
        ex.getResponseHeaders().add("Location", location);
        ex.sendResponseHeaders(302, -1);
        ex.close();
    }
}
