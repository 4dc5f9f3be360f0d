package io.rectify.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An extension moves a deadline that is still running: none is asked for or granted once the
 * deadline has passed or the case was escalated (409, said in the caller's language), a refusal
 * gives its reason, and of two requests sent at once exactly one is taken.
 */
class ExtensionRulesApiTests extends FreshDepartmentOnTheDemoClock {

    /** Friday 18 September 2026: three working days run to Tuesday the 22nd (the 20th is a 调休 working day). */
    static final String FRIDAY = "2026-09-18T10:00:00+08:00";
    static final String AFTER_THE_DEADLINE = "2026-09-23T09:00:00+08:00";

    @Override
    String startsAt() {
        return FRIDAY;
    }

    @Test
    void noExtensionIsAskedForOnceTheDeadlineHasPassed() {
        String caseId = ordered("A33-05");
        setClock(AFTER_THE_DEADLINE);

        Api.Response late = respondent.post("/api/cases/" + caseId + "/extension-request", Map.of("reason", "需采购服务器", "days", 2))
                .isProblem(409);
        // the deadline's timer may have fired first and escalated the overdue case: refused either way, for its reason
        // (RectificationCaseTest holds the rule itself without the job executor)
        String detail = late.body().get("detail").asText();
        if (detail.equals("案件已移送监察机关，不能再申请或批准延期。")) {
            assertThat(office.caseView(caseId).get("escalated").asBoolean()).as("refused as escalated").isTrue();
        } else {
            assertThat(detail).isEqualTo("整改期限已过，不能再申请或批准延期。");
        }
        assertThat(office.caseView(caseId).get("extensionUsed").asBoolean()).isFalse();
        assertThat(requestsOf(caseId)).isZero();
    }

    @Test
    void noExtensionIsGrantedOnceTheDeadlineHasPassedButItCanStillBeRefused() {
        String caseId = ordered("A33-08");
        Api.Response asked = respondent.post("/api/cases/" + caseId + "/extension-request", Map.of("reason", "退费需时间", "days", 5));
        assertThat(asked.status()).as(asked.text()).isEqualTo(200);
        setClock(AFTER_THE_DEADLINE);
        String task = office.taskOf(caseId, "decideExtension");

        assertThat(office.post("/api/tasks/" + task + "/complete", Map.of("granted", true)).isProblem(409)
                .body().get("detail").asText()).isEqualTo("整改期限已过，不能再申请或批准延期。");
        assertThat(office.caseView(caseId).get("deadline").asText()).isEqualTo("2026-09-22");
        office.post("/api/tasks/" + task + "/complete", Map.of("granted", false)).isInvalid("comment");
        Api.Response refused = office.post("/api/tasks/" + task + "/complete", Map.of("granted", false, "comment", "已逾期"));
        assertThat(refused.status()).as(refused.text()).isEqualTo(200);
        assertThat(office.caseView(caseId).get("deadline").asText()).isEqualTo("2026-09-22");
    }

    @Test
    void anEscalatedCaseTakesNoExtension() {
        String caseId = office.post("/api/cases", Map.of("categoryCode", "A33-05", "respondentOrgCode", body,
                "title", "留言功能关闭", "description", "留言功能被关闭", "source", "COMPLAINT",
                "serious", true, "seriousReason", "群众投诉集中")).body().get("id").asText();
        office.complete(caseId, "issueOrder", Map.of("requirements", "恢复留言功能", "periodWorkingDays", 3));
        assertThat(office.caseView(caseId).get("escalated").asBoolean()).isTrue();

        assertThat(respondent.post("/api/cases/" + caseId + "/extension-request", Map.of("reason", "改版", "days", 2))
                .isProblem(409).body().get("detail").asText()).isEqualTo("案件已移送监察机关，不能再申请或批准延期。");
        assertThat(office.caseView(caseId).get("extensionUsed").asBoolean()).isFalse();
    }

    @Test
    void aRefusalWithoutItsReasonIsRefusedNamingTheComment() {
        String caseId = ordered("A33-04");
        respondent.post("/api/cases/" + caseId + "/extension-request", Map.of("reason", "预算未批", "days", 3));
        String task = office.taskOf(caseId, "decideExtension");

        office.post("/api/tasks/" + task + "/complete", Map.of("granted", false, "comment", "  ")).isInvalid("comment");
        assertThat(office.taskOf(caseId, "decideExtension")).isEqualTo(task);
        // a grant needs no comment: Tue 22 plus three working days, Wed 23, Thu 24 and (Mid-Autumn on Fri 25) Mon 28
        assertThat(office.post("/api/tasks/" + task + "/complete", Map.of("granted", true)).status()).isEqualTo(200);
        assertThat(office.caseView(caseId).get("deadline").asText()).isEqualTo("2026-09-28");
    }

    @RepeatedTest(3)
    void ofTwoRequestsAtOnceExactlyOneIsTaken() throws Exception {
        String caseId = ordered("A33-10");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Integer> statuses = new ArrayList<>();
        try {
            CountDownLatch ready = new CountDownLatch(2);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Api.Response>> answers = new ArrayList<>();
            for (String reason : List.of("甲：系统改版", "乙：采购服务器")) {
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return respondent.post("/api/cases/" + caseId + "/extension-request", Map.of("reason", reason, "days", 4));
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            for (Future<Api.Response> answer : answers) {
                Api.Response r = answer.get(60, TimeUnit.SECONDS);
                statuses.add(r.status());
                if (r.status() == 409) {
                    r.isProblem(409);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).as("one request is taken, the other told").containsExactlyInAnyOrder(200, 409);
        // nothing half-written: one request in the file, one decision waiting, one audit entry
        assertThat(requestsOf(caseId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(distinct task_id) from work_item where case_id = ? and task_key = 'decideExtension'",
                Integer.class, caseId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where case_id = ? and action = 'EXTENSION_REQUESTED'",
                Integer.class, caseId)).isEqualTo(1);
    }

    private String ordered(String category) {
        String caseId = office.openCase(category, body).get("id").asText();
        office.complete(caseId, "issueOrder", Map.of("requirements", "限期整改", "periodWorkingDays", 3));
        return caseId;
    }

    private int requestsOf(String caseId) {
        return jdbc.queryForObject("select count(*) from case_record where case_id = ? and kind = 'EXTENSION_REQUEST'",
                Integer.class, caseId);
    }

}
