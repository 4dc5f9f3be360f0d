package io.rectify.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The receiving system of the notification webhook, for every node of the test: it takes each
 * POST with a 204 and keeps its {@code Idempotency-Key} and body, duplicates included.
 */
final class WebhookReceiver implements AutoCloseable {

    record Delivery(String idempotencyKey, String body, Instant receivedAt) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final ConcurrentLinkedQueue<Delivery> received = new ConcurrentLinkedQueue<>();

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/notifications", this::take);
        server.setExecutor(threads);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/notifications";
    }

    List<Delivery> received() {
        return List.copyOf(received);
    }

    /** The deliveries by key: one each, or more for a delivery repeated because a node died before its commit. */
    Map<String, List<Delivery>> byKey() {
        return received.stream().collect(Collectors.groupingBy(Delivery::idempotencyKey));
    }

    private void take(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            received.add(new Delivery(String.valueOf(exchange.getRequestHeaders().getFirst("Idempotency-Key")), text,
                    Instant.now()));
            exchange.sendResponseHeaders(204, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
