package io.rectify.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The new period a rejection gives, through the verify task's optional {@code periodWorkingDays}:
 * counted in working days from the day of the rejection, the category's default when left out,
 * 1 to 60 as for the order, and never ending before an extension already granted (the later of
 * the two wins).
 */
class RejectionPeriodApiTests extends FreshDepartmentOnTheDemoClock {

    /** Friday 18 September 2026; Sunday the 20th is a 调休 working day. */
    static final String FRIDAY = "2026-09-18T10:00:00+08:00";

    @Override
    String startsAt() {
        return FRIDAY;
    }

    @Test
    void aRejectionGivesThePeriodTheOfficeSetsFromTheDayOfTheRejection() {
        String caseId = respondedCase(null);
        JsonNode rejected = office.complete(caseId, "verify",
                Map.of("accepted", false, "comment", "栏目仍未更新", "periodWorkingDays", 3));
        // three working days after Friday 18 Sep: Sun 20 (调休), Mon 21, Tue 22
        assertThat(rejected.get("deadline").asText()).isEqualTo("2026-09-22");
        assertThat(rejected.get("status").asText()).isEqualTo("ORDERED");
    }

    @Test
    void aRejectionWithoutAPeriodGivesTheCategoryDefault() {
        String caseId = respondedCase(null);
        JsonNode rejected = office.complete(caseId, "verify", Map.of("accepted", false, "comment", "栏目仍未更新"));
        // A33-04's default is five working days: Sun 20 (调休) … Thu 24
        assertThat(rejected.get("deadline").asText()).isEqualTo("2026-09-24");
    }

    @Test
    void aRejectionNeverEndsBeforeAnExtensionAlreadyGranted() {
        String caseId = respondedCase(10);
        // the order's three working days end Tue 22 Sep; ten more run past the National Day week
        String extended = office.caseView(caseId).get("deadline").asText();
        JsonNode rejected = office.complete(caseId, "verify",
                Map.of("accepted", false, "comment", "栏目仍未更新", "periodWorkingDays", 1));
        assertThat(rejected.get("deadline").asText()).as("the granted extension's deadline wins over one working day")
                .isEqualTo(extended);
    }

    @Test
    void aRejectionLaterThanTheGrantedExtensionKeepsItsOwnPeriod() {
        String caseId = respondedCase(1);
        String extended = office.caseView(caseId).get("deadline").asText();
        JsonNode rejected = office.complete(caseId, "verify",
                Map.of("accepted", false, "comment", "栏目仍未更新", "periodWorkingDays", 20));
        assertThat(rejected.get("deadline").asText()).isGreaterThan(extended);
    }

    @Test
    void aPeriodOutsideOneToSixtyWholeWorkingDaysIsRefusedNamingTheField() {
        String caseId = respondedCase(null);
        String task = office.taskOf(caseId, "verify");
        for (Object period : new Object[] {0, 61, -3, 2.5, "很快"}) {
            Api.Response refused = office.post("/api/tasks/" + task + "/complete",
                    Map.of("accepted", false, "comment", "栏目仍未更新", "periodWorkingDays", period));
            refused.isInvalid("periodWorkingDays");
        }
        assertThat(office.caseView(caseId).get("status").asText()).as("nothing was decided").isEqualTo("RESPONDED");
    }

    /**
     * An A33-04 case answered by its fresh respondent; with {@code extensionDays}, the order was of
     * three working days and an extension of that many days was granted before the report.
     */
    private String respondedCase(Integer extensionDays) {
        String caseId = office.openCase("A33-04", body).get("id").asText();
        office.complete(caseId, "issueOrder", Map.of("requirements", "发布预算信息", "periodWorkingDays", 3));
        if (extensionDays != null) {
            Api.Response asked = respondent.post("/api/cases/" + caseId + "/extension-request",
                    Map.of("reason", "需协调财政部门", "days", extensionDays));
            assertThat(asked.status()).as(asked.text()).isEqualTo(200);
            office.complete(caseId, "decideExtension", Map.of("granted", true));
        }
        respondent.complete(caseId, "respond", ResponseValues.of("A33-04"));
        return caseId;
    }

}
