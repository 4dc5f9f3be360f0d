package io.rectify.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A country of government websites on loopback, for the monitoring benchmark: one small HTTP
 * server on a port of the wildcard address, and site {@code n} at its own address
 * {@code 127.1.x.y} (Linux routes the whole 127.0.0.0/8 to the loopback interface, so every
 * site is a host of its own to the client's one-request-per-host rule). The server tells the site
 * by the local address the connection came in on. Every site has a homepage with its identity
 * marks, a list of dated items, its five columns and fifteen articles; a share of the sites is
 * faulty, as a country's are on any day ({@link Fault}).
 */
final class SiteFleet implements AutoCloseable {

    static final int COLUMNS = 5;
    static final int ARTICLES = 15;

    /** What is wrong with a site, by its number: about 7 % of the sites have something. */
    enum Fault {
        NONE,
        /** answers nothing for 20 s: the client's 15 s read timeout gives up */
        SLOW,
        /** answers a byte a second: the client's 30 s total deadline cuts it */
        TRICKLE,
        /** 503 Service Unavailable */
        UNAVAILABLE,
        /** a 3 MB homepage: the client keeps 2 MB and drops the connection */
        HUGE,
        /** a redirect to itself, endlessly */
        REDIRECT_LOOP,
        /** pages in GBK, said in the header */
        GBK,
        /** one of its articles is gone (404) */
        BROKEN_LINK;

        static Fault of(int site) {
            return switch (site % 200) {
                case 7 -> SLOW;
                case 11 -> TRICKLE;
                case 13, 113 -> UNAVAILABLE;
                case 17, 117 -> HUGE;
                case 19, 119 -> REDIRECT_LOOP;
                case 23, 123, 23 + 50, 123 + 50 -> GBK;
                case 29, 129, 29 + 50, 129 + 50 -> BROKEN_LINK;
                default -> NONE;
            };
        }
    }

    private static final Charset GBK = Charset.forName("GBK");

    private final HttpServer server;
    private final ExecutorService threads;
    private final AtomicLong requests = new AtomicLong();
    private final LocalDate today;

    SiteFleet(LocalDate today) throws IOException {
        this.today = today;
        // the wildcard address: a server bound to 127.0.0.1 answers that address alone
        server = HttpServer.create(new InetSocketAddress(0), 512);
        // slow and trickling sites hold a thread each for up to 30 s
        threads = Executors.newFixedThreadPool(96);
        server.setExecutor(threads);
        server.createContext("/", this::serve);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    long requests() {
        return requests.get();
    }

    /** Site n's address: 127.1.0.1 … (the last byte 1 to 250, never 0 or 255). */
    static String address(int site) {
        return "127.1." + site / 250 + "." + (site % 250 + 1);
    }

    static int site(InetAddress local) {
        byte[] a = local.getAddress();
        return (a[2] & 0xff) * 250 + (a[3] & 0xff) - 1;
    }

    String homepage(int site) {
        return "http://" + address(site) + ":" + port() + "/";
    }

    static String siteCode(int site) {
        return String.format("BM%08d", site);
    }

    private void serve(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            int site = site(exchange.getLocalAddress().getAddress());
            Fault fault = Fault.of(site);
            String path = exchange.getRequestURI().getPath();
            switch (fault) {
                case SLOW -> {
                    sleep(20_000);
                    send(exchange, 200, homepageHtml(site), StandardCharsets.UTF_8);
                }
                case TRICKLE -> trickle(exchange);
                case UNAVAILABLE -> send(exchange, 503, "<html><body>维护中</body></html>", StandardCharsets.UTF_8);
                case HUGE -> huge(exchange);
                case REDIRECT_LOOP -> {
                    exchange.getResponseHeaders().add("Location", path);
                    exchange.sendResponseHeaders(302, -1);
                }
                default -> {
                    Charset charset = fault == Fault.GBK ? GBK : StandardCharsets.UTF_8;
                    if (path.equals("/")) {
                        send(exchange, 200, homepageHtml(site), charset);
                    } else if (path.startsWith("/c/")) {
                        send(exchange, 200, columnHtml(site, path), charset);
                    } else if (path.startsWith("/a/") && !(fault == Fault.BROKEN_LINK && path.equals("/a/3.html"))) {
                        send(exchange, 200, "<html><head><title>文章</title></head><body><p>正文 " + path + "</p></body></html>",
                                charset);
                    } else {
                        send(exchange, 404, "<html><body>页面不存在</body></html>", charset);
                    }
                }
            }
        } catch (IOException dropped) {
            // the client cut a huge body or a trickle, as it should
        }
    }

    private String homepageHtml(int site) {
        StringBuilder html = new StringBuilder(24_000);
        html.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>基准网站 ").append(site)
                .append("</title></head><body><h1>基准市人民政府门户网站 ").append(site).append("</h1><nav>");
        for (int c = 1; c <= COLUMNS; c++) {
            html.append("<a href=\"/c/").append(c).append("/\">栏目").append(c).append("</a> ");
        }
        html.append("</nav><ul class=\"news\">");
        for (int a = 1; a <= ARTICLES; a++) {
            html.append("<li><a href=\"/a/").append(a).append(".html\">关于做好第").append(a)
                    .append("项重点工作的通知</a><span>").append(today.minusDays(a)).append("</span></li>");
        }
        html.append("</ul>");
        // a real homepage's weight: scripts, styles and markup around the content
        html.append("<div class=\"filler\">").append("<p>政务公开 政务服务 互动交流 </p>".repeat(300)).append("</div>");
        html.append("<footer><p>网站标识码：").append(siteCode(site)).append(" 京ICP备05070218号 京公网安备11010202000001号</p>")
                .append("<p><a href=\"https://bszs.conac.cn/sitename?method=show\">党政机关</a> ")
                .append("<a href=\"https://zfwzzc.www.gov.cn/\">我为政府网站找错</a></p></footer></body></html>");
        return html.toString();
    }

    private String columnHtml(int site, String path) {
        StringBuilder html = new StringBuilder(4_000);
        html.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>栏目 ").append(path)
                .append("</title></head><body><ul>");
        for (int i = 1; i <= 20; i++) {
            html.append("<li><a href=\"/a/").append(i % ARTICLES + 1).append(".html\">栏目信息").append(i).append("</a><span>")
                    .append(today.minusDays(3L * i + site % 7)).append("</span></li>");
        }
        return html.append("</ul></body></html>").toString();
    }

    private static void send(HttpExchange exchange, int status, String html, Charset charset) throws IOException {
        byte[] body = html.getBytes(charset);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=" + charset.name().toLowerCase());
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static void trickle(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (int i = 0; i < 40; i++) {
            out.write('<');
            out.flush();
            sleep(1_000);
        }
    }

    private static void huge(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        byte[] chunk = "<p>很大的页面</p>".repeat(512).getBytes(StandardCharsets.UTF_8);
        for (long sent = 0; sent < 3L * 1024 * 1024; sent += chunk.length) {
            out.write(chunk);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
