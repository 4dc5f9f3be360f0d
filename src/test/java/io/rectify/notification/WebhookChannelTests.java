package io.rectify.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook channel against a real HTTP receiver on loopback. */
class WebhookChannelTests {

    record Received(String idempotencyKey, String signature, byte[] body) {
    }

    final ObjectMapper json = new ObjectMapper();
    final List<Received> received = new CopyOnWriteArrayList<>();
    volatile int answer = 202;
    HttpServer receiver;

    final Notification notification = new Notification(7, "case-1", "REMINDER", List.of("org:NC-EDU", "org:JX-EDU"),
            Instant.parse("2026-11-27T08:00:00Z"), "REMINDER:case-1:2026-12-01:3", 3);
    final Delivery toLiaison = new Delivery(31, notification, "liaison:4", "WEBHOOK", "13800000000",
            "REMINDER:case-1:2026-12-01:3/liaison:4/WEBHOOK");

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(new Received(exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    exchange.getRequestHeaders().getFirst("X-Rectify-Signature"), exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void postsTheMessageAsJsonWithItsKeyAndASignatureOfTheBody() throws Exception {
        channel("s3cret").deliver(toLiaison);

        assertThat(received).hasSize(1);
        Received post = received.get(0);
        assertThat(post.idempotencyKey()).as("one key per recipient and channel")
                .isEqualTo("REMINDER:case-1:2026-12-01:3/liaison:4/WEBHOOK");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("s3cret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat(post.signature()).isEqualTo("sha256=" + HexFormat.of().formatHex(mac.doFinal(post.body())));
        JsonNode body = json.readTree(post.body());
        assertThat(body.get("id").asLong()).isEqualTo(7);
        assertThat(body.get("caseId").asText()).isEqualTo("case-1");
        assertThat(body.get("kind").asText()).isEqualTo("REMINDER");
        assertThat(body.get("workingDaysLeft").asInt()).isEqualTo(3);
        assertThat(body.get("recipients")).extracting(JsonNode::asText).containsExactly("org:NC-EDU", "org:JX-EDU");
        assertThat(body.get("createdAt").asText()).isEqualTo("2026-11-27T08:00:00Z");
        assertThat(body.get("dedupKey").asText()).isEqualTo("REMINDER:case-1:2026-12-01:3/liaison:4/WEBHOOK");
        assertThat(body.get("recipient").asText()).isEqualTo("liaison:4");
        assertThat(body.get("address").asText()).as("the liaison's mobile, for the SMS gateway").isEqualTo("13800000000");
    }

    @Test
    void withoutASecretNothingIsSigned() {
        channel("").deliver(toLiaison);

        assertThat(received).singleElement().satisfies(post -> assertThat(post.signature()).isNull());
    }

    @Test
    void aReceiverThatDoesNotTakeTheMessageFailsTheDelivery() {
        answer = 503;

        assertThatThrownBy(() -> channel("").deliver(toLiaison))
                .isInstanceOf(WebhookChannel.DeliveryFailedException.class).hasMessageContaining("HTTP 503");
    }

    @Test
    void anUnreachableReceiverFailsTheDelivery() {
        int port = receiver.getAddress().getPort();
        receiver.stop(0);

        assertThatThrownBy(() -> new WebhookChannel(URI.create("http://127.0.0.1:" + port + "/hook"), "", json)
                .deliver(toLiaison)).isInstanceOf(WebhookChannel.DeliveryFailedException.class)
                .hasMessageContaining("not delivered");
    }

    @Test
    void onlyAnAbsoluteHttpAddressIsAWebhook() {
        assertThat(NotificationChannels.webhook(" https://gateway.example.gov.cn/notify ").getHost())
                .isEqualTo("gateway.example.gov.cn");
        assertThatThrownBy(() -> NotificationChannels.webhook("file:///etc/passwd"))
                .hasMessageContaining("absolute http(s) address");
        assertThatThrownBy(() -> NotificationChannels.webhook("/notify")).hasMessageContaining("absolute http(s) address");
        assertThatThrownBy(() -> NotificationChannels.webhook("http://exa mple")).hasMessageContaining("not an address");
    }

    private WebhookChannel channel(String secret) {
        return new WebhookChannel(URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"), secret, json);
    }
}
