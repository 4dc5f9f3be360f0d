package io.rectify.form;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import io.rectify.casefile.CaseService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The fields API.md fixes for each task, and the evidence DOMAIN.md demands of each category's response. */
class FormContractTest {

    private static final FormCatalog CATALOG = new FormCatalog();

    static Stream<String> categories() {
        return Stream.of("A33-01", "A33-02", "A33-03", "A33-04", "A33-05", "A33-06", "A33-07", "A33-08",
                "A33-09", "A33-10", "A34-01", "A34-02");
    }

    @Test
    void thereIsAFormForEveryTask() {
        List<String> expected = new ArrayList<>(List.of("issueOrder", "verify", "requestExtension",
                "decideExtension", "reviewEscalation", "recordSanctions",
                "triageReport", "replyToReport", "reviewReply"));
        categories().forEach(code -> expected.add("respond-" + code));
        assertThat(CATALOG.formKeys()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void issueOrderTakesRequiredRequirementsAndAnOptionalPeriodOfOneToSixtyWorkingDays() {
        FormDefinition form = CATALOG.get("issueOrder");
        assertField(form, "requirements", FormField.TEXTAREA, true);
        FormField period = assertField(form, "periodWorkingDays", FormField.NUMBER, false);
        assertThat(period.integer()).isTrue();
        assertThat(period.min()).isEqualByComparingTo("1");
        assertThat(period.max()).isEqualByComparingTo("60");
    }

    @ParameterizedTest
    @MethodSource("categories")
    void everyResponseFormRequiresAReport(String category) {
        FormDefinition form = CATALOG.get("respond-" + category);
        assertThat(form.fields().get(0).key()).isEqualTo("report");
        assertField(form, "report", FormField.TEXTAREA, true);
    }

    @Test
    void a3301ResponseSaysFiledOrShutDown() {
        FormDefinition form = CATALOG.get("respond-A33-01");
        FormField resolution = assertField(form, "resolution", FormField.SELECT, true);
        assertThat(resolution.options()).extracting(FormField.Option::value, FormField.Option::label)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("FILED", "已完成备案"),
                        org.assertj.core.groups.Tuple.tuple("SHUT_DOWN", "网站已依法关停"));
        assertThat(assertField(form, "filingNumber", FormField.TEXTFIELD, false).pattern()).isNotBlank();
        assertThat(assertField(form, "closureDate", FormField.DATETIME, false).subtype()).isEqualTo("date");
    }

    @Test
    void evidenceEachCategoryMustShowIsRequired() {
        assertField(CATALOG.get("respond-A33-02"), "filingNumber", FormField.TEXTFIELD, true);
        assertField(CATALOG.get("respond-A33-03"), "publishedUrls", FormField.TEXTAREA, true);
        assertField(CATALOG.get("respond-A33-04"), "publishedUrls", FormField.TEXTAREA, true);
        assertField(CATALOG.get("respond-A33-05"), "restoredUrls", FormField.TEXTAREA, true);

        FormDefinition a3306 = CATALOG.get("respond-A33-06");
        assertField(a3306, "evaluationReportNumber", FormField.TEXTFIELD, true);
        assertField(a3306, "evaluationAgency", FormField.TEXTFIELD, true);
        assertField(a3306, "licenceProof", FormField.TEXTAREA, true);

        FormDefinition a3307 = CATALOG.get("respond-A33-07");
        assertThat(assertField(a3307, "removalTime", FormField.DATETIME, true).subtype()).isEqualTo("datetime");
        assertField(a3307, "removedUrls", FormField.TEXTAREA, true);
        assertField(a3307, "correctionNoticeUrl", FormField.TEXTFIELD, false);

        FormDefinition a3308 = CATALOG.get("respond-A33-08");
        assertField(a3308, "correctedUrls", FormField.TEXTAREA, true);
        assertField(a3308, "chargingStoppedDate", FormField.DATETIME, true);
        FormField amount = assertField(a3308, "refundedAmount", FormField.NUMBER, true);
        assertThat(amount.min()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(amount.integer()).isFalse();
        FormField count = assertField(a3308, "refundedCount", FormField.NUMBER, true);
        assertThat(count.min()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(count.integer()).isTrue();

        assertThat(assertField(CATALOG.get("respond-A33-09"), "correctedDomain", FormField.TEXTFIELD, false).pattern())
                .contains("gov\\.cn");
        assertThat(CATALOG.get("respond-A33-10").fields()).extracting(FormField::key).containsExactly("report");
        assertThat(CATALOG.get("respond-A34-01").fields()).extracting(FormField::key).containsExactly("report");

        FormDefinition a3402 = CATALOG.get("respond-A34-02");
        assertField(a3402, "inspectionReportNumber", FormField.TEXTFIELD, true);
        assertField(a3402, "inspectionReportDate", FormField.DATETIME, true);
    }

    @Test
    void verifyTakesARequiredYesNoAcceptedAndOptionalCommentAndSeriousness() {
        FormDefinition form = CATALOG.get("verify");
        FormField accepted = assertField(form, "accepted", FormField.RADIO, true);
        assertThat(accepted.yesNo()).isTrue();
        assertField(form, "comment", FormField.TEXTAREA, false);
        assertField(form, "serious", FormField.CHECKBOX, false);
        assertField(form, "seriousReason", FormField.TEXTAREA, false);
        assertThat(form.schema().get("components").findValuesAsText("text"))
                .anyMatch(hint -> hint.contains("不予通过时必须填写核查意见"));
    }

    @Test
    void verifyTakesAnOptionalNewPeriodBoundedAsTheOrdersPeriod() {
        FormField rejection = assertField(CATALOG.get("verify"), "periodWorkingDays", FormField.NUMBER, false);
        FormField order = assertField(CATALOG.get("issueOrder"), "periodWorkingDays", FormField.NUMBER, false);
        assertThat(rejection.integer()).isTrue();
        for (FormField period : List.of(rejection, order)) {
            assertThat(period.min()).isEqualByComparingTo(BigDecimal.ONE);
            assertThat(period.max()).isEqualByComparingTo(BigDecimal.valueOf(CaseService.MAX_PERIOD_WORKING_DAYS));
        }
    }

    @Test
    void extensionFormsTakeReasonDaysAndDecision() {
        FormDefinition request = CATALOG.get("requestExtension");
        assertField(request, "reason", FormField.TEXTAREA, true);
        FormField days = assertField(request, "days", FormField.NUMBER, true);
        assertThat(days.integer()).isTrue();
        assertThat(days.min()).isEqualByComparingTo("1");
        assertThat(days.max()).isEqualByComparingTo("30");

        FormDefinition decide = CATALOG.get("decideExtension");
        assertThat(assertField(decide, "granted", FormField.RADIO, true).yesNo()).isTrue();
        assertField(decide, "comment", FormField.TEXTAREA, false);
    }

    @Test
    void reviewEscalationDecidesSanctionOrNoSanctionWithFindings() {
        FormDefinition form = CATALOG.get("reviewEscalation");
        FormField decision = assertField(form, "decision", FormField.RADIO, true);
        assertThat(decision.options()).extracting(FormField.Option::value).containsExactly("SANCTION", "NO_SANCTION");
        assertThat(decision.options()).extracting(FormField.Option::label).containsExactly("给予处分", "不予处分");
        assertField(form, "findings", FormField.TEXTAREA, true);
    }

    @Test
    void recordSanctionsTakesAtLeastOneSanctionWithEveryFixedField() {
        FormDefinition form = CATALOG.get("recordSanctions");
        FormField sanctions = assertField(form, "sanctions", FormField.DYNAMIC_LIST, false);
        assertThat(sanctions.minItems()).isEqualTo(1);
        assertThat(sanctions.items()).extracting(FormField::key).containsExactly("personName", "post", "orgCode",
                "responsibility", "type", "decisionNumber", "decisionDate");
        assertThat(sanctions.items()).allMatch(FormField::required);
        assertThat(sanctions.item("personName").orElseThrow().maxLength()).isEqualTo(50);
        assertThat(sanctions.item("orgCode").orElseThrow().pattern()).isEqualTo("^[A-Z0-9-]{2,40}$");
        assertThat(sanctions.item("responsibility").orElseThrow().options())
                .extracting(FormField.Option::value).containsExactly("LEADER", "STAFF");
        assertThat(sanctions.item("type").orElseThrow().options()).extracting(FormField.Option::value)
                .containsExactly("WARNING", "DEMERIT", "MAJOR_DEMERIT", "DEMOTION", "REMOVAL_FROM_POST", "DISMISSAL");
        assertThat(sanctions.item("decisionDate").orElseThrow().subtype()).isEqualTo("date");
    }

    @Test
    void theApiSeesKeyTypeLabelRequiredAndValuesInTheSchemaItself() {
        JsonNode decision = CATALOG.get("reviewEscalation").schema().get("components").get(0);
        assertThat(decision.get("key").asText()).isEqualTo("decision");
        assertThat(decision.get("type").asText()).isEqualTo("radio");
        assertThat(decision.get("label").asText()).isEqualTo("审查决定");
        assertThat(decision.at("/validate/required").asBoolean()).isTrue();
        assertThat(decision.get("values")).hasSize(2);
        JsonNode sanctions = CATALOG.get("recordSanctions").schema().get("components").get(0);
        assertThat(sanctions.get("key").asText()).isEqualTo(sanctions.get("path").asText()).isEqualTo("sanctions");
    }

    @Test
    void everyFieldHasBothLabelsAndEveryTextHasAMaximumLength() {
        for (String key : CATALOG.formKeys()) {
            for (FormField field : allFields(CATALOG.get(key).fields())) {
                assertThat(field.label()).as(key + "." + field.key()).isNotBlank();
                assertThat(field.labelEn()).as(key + "." + field.key()).isNotBlank().isNotEqualTo(field.label());
                assertThat(field.label(Locale.ENGLISH)).isEqualTo(field.labelEn());
                assertThat(field.label(Locale.SIMPLIFIED_CHINESE)).isEqualTo(field.label());
                if (field.type().equals(FormField.TEXTFIELD) || field.type().equals(FormField.TEXTAREA)) {
                    assertThat(field.maxLength()).as(key + "." + field.key()).isNotNull().isBetween(1, 4000);
                }
                field.options().forEach(option ->
                        assertThat(option.labelEn()).as(key + "." + field.key() + "=" + option.value())
                                .isNotEqualTo(option.label()));
            }
        }
    }

    private static List<FormField> allFields(List<FormField> fields) {
        List<FormField> all = new ArrayList<>();
        for (FormField f : fields) {
            all.add(f);
            all.addAll(allFields(f.items()));
        }
        return all;
    }

    private static FormField assertField(FormDefinition form, String key, String type, boolean required) {
        FormField field = form.field(key).orElseThrow(() -> new AssertionError(form.formKey() + " has no field " + key));
        assertThat(field.type()).as(form.formKey() + "." + key + " type").isEqualTo(type);
        assertThat(field.required()).as(form.formKey() + "." + key + " required").isEqualTo(required);
        return field;
    }
}
