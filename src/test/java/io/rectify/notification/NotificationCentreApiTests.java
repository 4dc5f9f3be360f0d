package io.rectify.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.IntegrationTest;
import io.rectify.api.Api;
import io.rectify.api.FreshBodies;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The notification centre through the API: an issued order reaches every user of the respondent
 * in their centre and nobody else's; marking read is one's own; a recipient without a mail address
 * is recorded as such; the administrator keeps liaisons, whose addresses only offices and the
 * administrator read. No mail server here: no mail is tried and the centre works.
 */
class NotificationCentreApiTests extends IntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired PasswordEncoder passwords;

    String body;
    String responder;
    Api office;
    String caseId;

    @BeforeEach
    void anOrderIssuedToANewBody() {
        body = new FreshBodies(jdbc, passwords).department("NC");
        responder = body.toLowerCase();
        office = new Api(rest, "nc.office");
        caseId = office.openCase("A33-04", body).get("id").asText();
        office.complete(caseId, "issueOrder", Map.of("requirements", "三日内更新首页信息。"));
    }

    @Test
    void theRespondentFindsTheIssuedOrderInTheCentreAndMarksItRead() {
        Api respondent = office.as(responder);
        JsonNode item = awaitItem(respondent, "ORDER_ISSUED");
        String number = office.caseView(caseId).get("caseNumber").asText();
        assertThat(item.get("caseId").asText()).isEqualTo(caseId);
        assertThat(item.get("title").asText()).isEqualTo("责令整改通知已下达：" + number);
        assertThat(item.get("createdAt").asText()).endsWith("+08:00");
        assertThat(item.get("readAt").isNull()).isTrue();
        JsonNode inbox = respondent.get("/api/notifications?unread=true").body();
        assertThat(inbox.get("unread").asInt()).isEqualTo(1);

        assertThat(respondent.post("/api/notifications/" + item.get("id").asText() + "/read", null).status()).isEqualTo(200);
        assertThat(respondent.post("/api/notifications/" + item.get("id").asText() + "/read", null).status())
                .as("again: nothing changes").isEqualTo(200);
        assertThat(respondent.get("/api/notifications?unread=true").body().get("items")).isEmpty();
        JsonNode all = respondent.get("/api/notifications?unread=false").body();
        assertThat(all.get("unread").asInt()).isZero();
        assertThat(all.get("items").get(0).get("readAt").isNull()).isFalse();
    }

    @Test
    void nobodyElseSeesOrMarksTheEntry() {
        JsonNode item = awaitItem(office.as(responder), "ORDER_ISSUED");
        Api otherDepartment = office.as("nc.edu");
        assertThat(otherDepartment.get("/api/notifications").body().get("items").findValuesAsText("caseId"))
                .doesNotContain(caseId);
        otherDepartment.post("/api/notifications/" + item.get("id").asText() + "/read", null).isProblem(404);
        office.as(responder).post("/api/notifications/x1/read", null).isProblem(404);
        office.as(responder).get("/api/notifications?unread=maybe").isInvalid("unread");
        assertThat(office.anonymous().get("/api/notifications").status()).isEqualTo(401);
    }

    @Test
    void markAllReadEmptiesTheUnreadList() {
        Api respondent = office.as(responder);
        awaitItem(respondent, "ORDER_ISSUED");
        assertThat(respondent.post("/api/notifications/read-all", null).body().get("marked").asInt()).isEqualTo(1);
        assertThat(respondent.get("/api/notifications").body().get("unread").asInt()).isZero();
    }

    @Test
    void eachRecipientAndChannelIsWrittenOnceAndNoMailIsTriedWithoutAServer() {
        awaitItem(office.as(responder), "ORDER_ISSUED");
        List<String> deliveries = jdbc.queryForList("select d.recipient || ' ' || d.channel || ' ' || d.status "
                + "from notification_delivery d join notification n on n.id = d.notification_id "
                + "where n.case_id = ? and n.kind = 'ORDER_ISSUED'", String.class, caseId);
        assertThat(deliveries).as("the respondent's one user, in-app only: no mail server, no webhook")
                .containsExactly("user:" + responder + " IN_APP SENT");
    }

    @Test
    void theAdministratorKeepsLiaisonsWhoseAddressesOnlyOfficesRead() {
        Api admin = office.as("admin");
        Api.Response added = admin.post("/api/admin/bodies/" + body + "/liaisons",
                Map.of("name", "张联络", "mobile", "13800138000", "mail", "zhang@example.gov.cn"));
        assertThat(added.status()).isEqualTo(201);
        String id = added.body().get("id").asText();
        admin.post("/api/admin/bodies/" + body + "/liaisons", Map.of("name", "")).isInvalid("name");
        admin.post("/api/admin/bodies/" + body + "/liaisons", Map.of("name", "李", "mail", "not-a-mail")).isInvalid("mail");
        admin.post("/api/admin/bodies/" + body + "/liaisons", Map.of("name", "李")).isInvalid("mobile");
        admin.post("/api/admin/bodies/NO-SUCH/liaisons", Map.of("name", "李", "mobile", "13800138001")).isProblem(404);

        assertThat(office.get("/api/bodies/" + body + "/liaisons").body().get(0).get("mobile").asText())
                .as("an office reads the liaison's mobile").isEqualTo("13800138000");
        office.as(responder).get("/api/bodies/" + body + "/liaisons").isProblem(403);
        office.as("nc.edu").get("/api/admin/bodies/" + body + "/liaisons").isProblem(403);

        assertThat(admin.exchange(HttpMethod.PUT, "/api/admin/bodies/" + body + "/liaisons/" + id,
                Map.of("name", "张联络", "mail", "zhang2@example.gov.cn")).body().get("mail").asText())
                .isEqualTo("zhang2@example.gov.cn");
        assertThat(admin.delete("/api/admin/bodies/" + body + "/liaisons/" + id).status()).isEqualTo(204);
        assertThat(admin.get("/api/admin/bodies/" + body + "/liaisons").body()).isEmpty();
    }

    @Test
    void mailAddressesAreTheAdministratorsAndEachPersonsOwn() {
        Api admin = office.as("admin");
        assertThat(admin.exchange(HttpMethod.PUT, "/api/admin/users/" + responder + "/mail",
                Map.of("mail", responder + "@example.gov.cn")).status()).isEqualTo(200);
        assertThat(office.as(responder).get("/api/account/mail").body().get("mail").asText())
                .isEqualTo(responder + "@example.gov.cn");
        office.as(responder).exchange(HttpMethod.PUT, "/api/account/mail", Map.of("mail", "x@")).isInvalid("mail");
        assertThat(office.as(responder).exchange(HttpMethod.PUT, "/api/account/mail", Map.of("mail", "")).body()
                .get("mail").isNull()).isTrue();
        office.as(responder).exchange(HttpMethod.PUT, "/api/admin/users/nc.edu/mail", Map.of("mail", "a@b.cn"))
                .isProblem(403);
        assertThat(office.as("jx.edu").get("/api/account/mail").body().get("mail").asText())
                .as("a demo user's address").isEqualTo("jx.edu@rectify.test");
    }

    private static JsonNode awaitItem(Api reader, String kind) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> item(reader, kind) != null);
        return item(reader, kind);
    }

    private static JsonNode item(Api reader, String kind) {
        for (JsonNode item : reader.get("/api/notifications").body().get("items")) {
            if (kind.equals(item.get("kind").asText())) {
                return item;
            }
        }
        return null;
    }
}
