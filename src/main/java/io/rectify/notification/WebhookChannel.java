package io.rectify.notification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rectify.directory.Contact;

/**
 * Delivers a notification to each of its recipients as one JSON POST to the receiving system (an
 * SMS or messaging gateway of the province): a liaison by their mobile, an account by its username.
 * The delivery's key travels as {@code Idempotency-Key}: a delivery repeated after a crash carries
 * the same key, so the receiver can take it once. With a shared secret,
 * {@code X-Rectify-Signature: sha256=<hex HMAC of the body>} lets the receiver check the sender.
 */
class WebhookChannel implements NotificationChannel {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

    private final URI target;
    private final byte[] secret;
    private final ObjectMapper json;
    private final HttpClient http;

    WebhookChannel(URI target, String secret, ObjectMapper json) {
        this.target = target;
        this.secret = secret == null || secret.isEmpty() ? null : secret.getBytes(StandardCharsets.UTF_8);
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String name() {
        return WEBHOOK;
    }

    @Override
    public Optional<String> addressOf(Contact recipient) {
        return Optional.ofNullable(recipient.isUser() ? recipient.username() : recipient.mobile());
    }

    @Override
    public void deliver(Delivery delivery) {
        Notification notification = delivery.notification();
        byte[] body = body(delivery);
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(ANSWER_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", delivery.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (secret != null) {
            request.header("X-Rectify-Signature", "sha256=" + hmac(body));
        }
        HttpResponse<Void> answer;
        try {
            answer = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new DeliveryFailedException("notification " + notification.id() + " not delivered to " + target
                    + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailedException("notification " + notification.id() + " not delivered: interrupted", e);
        }
        if (answer.statusCode() / 100 != 2) {
            throw new DeliveryFailedException("notification " + notification.id() + " refused by " + target
                    + " with HTTP " + answer.statusCode());
        }
    }

    private byte[] body(Delivery delivery) {
        Notification notification = delivery.notification();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", notification.id());
        fields.put("dedupKey", delivery.idempotencyKey());
        fields.put("caseId", notification.caseId());
        fields.put("kind", notification.kind());
        if (notification.workingDaysLeft() != null) {
            fields.put("workingDaysLeft", notification.workingDaysLeft());
        }
        fields.put("recipients", notification.recipients());
        fields.put("recipient", delivery.recipient());
        fields.put("address", delivery.address());
        fields.put("createdAt", notification.createdAt().toString());
        try {
            return json.writeValueAsBytes(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write notification " + notification.id(), e);
        }
    }

    private String hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** The receiver did not take the message; the delivery job fails and is retried. */
    static class DeliveryFailedException extends RuntimeException {
        DeliveryFailedException(String message) {
            super(message);
        }

        DeliveryFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
