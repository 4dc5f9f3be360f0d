package io.rectify.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.rectify.IntegrationTest;
import io.rectify.api.Api;
import io.rectify.api.FreshBodies;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Mail through a real SMTP server in this JVM (GreenMail on a loopback port): an issued order's mail
 * reaches each user and liaison of the respondent that has an address, in Chinese and English, with
 * the order's file attached byte for byte; one without an address is recorded NO_ADDRESS; a server
 * that is down leaves the mail pending, the order issued, and the next attempt sends it once.
 */
class NotificationMailTests extends IntegrationTest {

    static final byte[] ORDER_PDF = "%PDF-1.7\n责令整改通知书 (test)\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
    static final int PORT;
    static GreenMail smtp;

    static {
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            PORT = free.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        smtp = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stopServer() {
        smtp.stop();
    }

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired PasswordEncoder passwords;
    @Autowired ManagementService management;
    @Autowired WatchedMail mail;

    String body;
    String responder;
    String silent;
    Api office;

    @BeforeEach
    void aBodyWithAddresses() {
        smtp.reset();
        FreshBodies bodies = new FreshBodies(jdbc, passwords);
        body = bodies.department("NC");
        responder = body.toLowerCase();
        silent = bodies.user("RESPONDER", body);
        mail.sendTo(PORT, ORDER_FILE);
        mail.watchCasesOfBody(body);
        office = new Api(rest, "nc.office");
        Api admin = office.as("admin");
        assertThat(admin.exchange(HttpMethod.PUT, "/api/admin/users/" + responder + "/mail",
                Map.of("mail", responder + "@example.gov.cn")).status()).isEqualTo(200);
        assertThat(admin.post("/api/admin/bodies/" + body + "/liaisons",
                Map.of("name", "王联络", "mail", "liaison-" + responder + "@example.gov.cn")).status()).isEqualTo(201);
    }

    @Test
    void theOrdersMailReachesEachAddressWithTheOrderAttached() throws Exception {
        String caseId = issueOrder();

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length == 2);
        List<String> to = new ArrayList<>();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            to.add(mail.getAllRecipients()[0].toString());
            assertThat(mail.getSubject()).startsWith("【整改督办】责令整改通知已下达：")
                    .contains("[Rectify] Rectification order issued: ");
            Multipart parts = (Multipart) mail.getContent();
            String text = null;
            byte[] attached = null;
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                    assertThat(part.getFileName()).isEqualTo("order.pdf");
                    attached = bytes(part.getInputStream());
                } else {
                    text = textOf(part);
                }
            }
            assertThat(text).contains("案件编号", "Case number", office.caseView(caseId).get("caseNumber").asText());
            assertThat(sha256(attached)).as("the attachment, byte for byte").isEqualTo(sha256(ORDER_PDF));
        }
        assertThat(to).containsExactlyInAnyOrder(responder + "@example.gov.cn", "liaison-" + responder + "@example.gov.cn");
        assertThat(statusOf(caseId, "user:" + silent, "MAIL")).as("a user with no address").isEqualTo("NO_ADDRESS");
        assertThat(statusOf(caseId, "user:" + silent, "IN_APP")).as("still told in the centre").isEqualTo("SENT");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(statusOf(caseId, "user:" + responder, "MAIL")));
    }

    @Test
    void aMailServerThatIsDownLeavesTheMailPendingAndTheOrderIssued() throws Exception {
        smtp.stop();
        String caseId;
        try {
            caseId = issueOrder();
            assertThat(office.caseView(caseId).get("status").asText()).as("the order is issued").isEqualTo("ORDERED");
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> mailJobs(caseId).size() == 2
                    && mailJobs(caseId).stream().allMatch(job -> job.getExceptionMessage() != null));
            assertThat(statusOf(caseId, "user:" + responder, "MAIL")).isEqualTo("PENDING");
            assertThat(mailJobs(caseId)).allSatisfy(job -> assertThat(job.getRetries()).as("attempts left").isEqualTo(5));
        } finally {
            smtp = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
        }
        for (Job job : mailJobs(caseId)) {
            management.executeJob(job.getId());
        }
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        assertThat(statusOf(caseId, "user:" + responder, "MAIL")).isEqualTo("SENT");
        assertThat(mailJobs(caseId)).as("done").isEmpty();
    }

    private String issueOrder() {
        String caseId = office.openCase("A33-04", body).get("id").asText();
        office.complete(caseId, "issueOrder", Map.of("requirements", "三日内更新首页信息。"));
        return caseId;
    }

    private List<Job> mailJobs(String caseId) {
        List<Long> ids = jdbc.queryForList("select d.id from notification_delivery d join notification n "
                + "on n.id = d.notification_id where n.case_id = ? and d.channel = 'MAIL' and d.status = 'PENDING'",
                Long.class, caseId);
        return management.createJobQuery().list().stream()
                .filter(job -> ids.stream().anyMatch(id -> job.getId().endsWith("-delivery-" + id))).toList();
    }

    private String statusOf(String caseId, String recipient, String channel) {
        return jdbc.queryForList("select d.status from notification_delivery d join notification n "
                        + "on n.id = d.notification_id where n.case_id = ? and n.kind = 'ORDER_ISSUED' "
                        + "and d.recipient = ? and d.channel = ?", String.class, caseId, recipient, channel)
                .stream().findFirst().orElse(null);
    }

    private static String textOf(BodyPart part) throws Exception {
        Object content = part.getContent();
        if (content instanceof Multipart inner) {
            return textOf(inner.getBodyPart(0));
        }
        return content.toString();
    }

    private static byte[] bytes(InputStream in) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    /** What the documents module will give: the order's PDF for ORDER_ISSUED. */
    static final MailAttachments ORDER_FILE = (caseId, kind) -> "ORDER_ISSUED".equals(kind)
            ? List.of(new MailAttachment("order.pdf", "application/pdf", Arrays.copyOf(ORDER_PDF, ORDER_PDF.length)))
            : List.of();
}
