package io.rectify.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.rectify.kernel.FieldProblem;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FormValidatorTest {

    private static final FormCatalog CATALOG = new FormCatalog();
    private static final FormDefinition ISSUE_ORDER = CATALOG.get("issueOrder");
    private static final FormDefinition VERIFY = CATALOG.get("verify");
    private static final FormDefinition REVIEW = CATALOG.get("reviewEscalation");
    private static final FormDefinition SANCTIONS = CATALOG.get("recordSanctions");
    private static final FormDefinition A33_01 = CATALOG.get("respond-A33-01");
    private static final FormDefinition A33_07 = CATALOG.get("respond-A33-07");
    private static final FormDefinition A33_08 = CATALOG.get("respond-A33-08");
    private static final FormDefinition A33_09 = CATALOG.get("respond-A33-09");
    private static final FormDefinition EXTENSION = CATALOG.get("requestExtension");

    @Nested
    class Required {

        @Test
        void aGivenRequiredValuePasses() {
            FormSubmission s = FormValidator.validate(ISSUE_ORDER, Map.of("requirements", "  删除违规信息并发布更正说明  "));
            assertThat(s.valid()).isTrue();
            assertThat(s.values()).containsExactly(Map.entry("requirements", "删除违规信息并发布更正说明"));
        }

        @Test
        void aMissingRequiredValueIsReportedWithTheLabel() {
            FormSubmission s = FormValidator.validate(ISSUE_ORDER, Map.of());
            assertThat(s.valid()).isFalse();
            assertThat(s.errors()).singleElement().satisfies(e -> {
                assertThat(e.field()).isEqualTo("requirements");
                assertThat(e.code()).isEqualTo("form.required");
                assertThat(e.args()).containsExactly("整改要求");
                assertThat(e.defaultMessage()).isEqualTo("整改要求为必填项");
            });
        }

        @Test
        void blankStringsAndNullCountAsAbsent() {
            Map<String, Object> raw = new HashMap<>();
            raw.put("requirements", "   ");
            raw.put("periodWorkingDays", "");
            assertThat(codes(FormValidator.validate(ISSUE_ORDER, raw))).containsExactly(tuple("requirements", "form.required"));
            raw.put("requirements", null);
            assertThat(codes(FormValidator.validate(ISSUE_ORDER, raw))).containsExactly(tuple("requirements", "form.required"));
        }

        @Test
        void anAbsentOptionalValueIsLeftOut() {
            FormSubmission s = FormValidator.validate(ISSUE_ORDER, Map.of("requirements", "x", "periodWorkingDays", ""));
            assertThat(s.valid()).isTrue();
            assertThat(s.values()).doesNotContainKey("periodWorkingDays");
        }

        @Test
        void everyRequiredFieldOfAResponseIsReportedInFormOrder() {
            FormSubmission s = FormValidator.validate(A33_08, Map.of());
            assertThat(s.errors()).extracting(FieldProblem::field)
                    .containsExactly("report", "correctedUrls", "chargingStoppedDate", "refundedAmount", "refundedCount");
            assertThat(s.errors()).extracting(FieldProblem::code).containsOnly("form.required");
        }
    }

    @Nested
    class Numbers {

        @Test
        void anIntegerFieldAcceptsJsonNumbersAndStringsAsInteger() {
            for (Object period : List.of(10, 10L, 10.0, new BigDecimal("10.00"), "10", " 10 ")) {
                FormSubmission s = FormValidator.validate(ISSUE_ORDER, Map.of("requirements", "x", "periodWorkingDays", period));
                assertThat(s.errors()).as(String.valueOf(period)).isEmpty();
                assertThat(s.values().get("periodWorkingDays")).isEqualTo(10);
            }
        }

        @Test
        void bounds() {
            assertThat(period(1).valid()).isTrue();
            assertThat(period(60).valid()).isTrue();
            assertThat(codes(period(0))).containsExactly(tuple("periodWorkingDays", "form.min"));
            assertThat(codes(period("61"))).containsExactly(tuple("periodWorkingDays", "form.max"));
            assertThat(period(61).errors().get(0).args()).containsExactly("整改期限（工作日）", new BigDecimal("60"));
            assertThat(period(61).errors().get(0).defaultMessage()).isEqualTo("整改期限（工作日）不能大于60");
        }

        @Test
        void aFractionIsNotAWholeNumber() {
            assertThat(codes(period(1.5))).containsExactly(tuple("periodWorkingDays", "form.integer"));
            assertThat(codes(period("2.5"))).containsExactly(tuple("periodWorkingDays", "form.integer"));
        }

        @Test
        void textThatIsNotANumberIsRefused() {
            for (Object bad : List.of("ten", "1e3", "0x10", "", true, List.of(1), Double.NaN)) {
                if ("".equals(bad)) {
                    continue;
                }
                assertThat(codes(period(bad))).as(String.valueOf(bad)).containsExactly(tuple("periodWorkingDays", "form.number"));
            }
        }

        @Test
        void aDecimalFieldKeepsBigDecimalAndLimitsDecimalPlaces() {
            Map<String, Object> raw = a3308("1234.5", "3");
            FormSubmission s = FormValidator.validate(A33_08, raw);
            assertThat(s.errors()).isEmpty();
            assertThat(s.values().get("refundedAmount")).isEqualTo(new BigDecimal("1234.5"));
            assertThat(s.values().get("refundedCount")).isEqualTo(3);

            assertThat(codes(FormValidator.validate(A33_08, a3308(12.345, 3))))
                    .containsExactly(tuple("refundedAmount", "form.decimalDigits"));
            assertThat(codes(FormValidator.validate(A33_08, a3308("-1", "-2"))))
                    .containsExactly(tuple("refundedAmount", "form.min"), tuple("refundedCount", "form.min"));
            assertThat(FormValidator.validate(A33_08, a3308(0, 0)).valid()).isTrue();
        }

        private FormSubmission period(Object value) {
            return FormValidator.validate(ISSUE_ORDER, Map.of("requirements", "x", "periodWorkingDays", value));
        }
    }

    @Nested
    class Text {

        @Test
        void maxLengthCountsCharactersNotBytes() {
            assertThat(FormValidator.validate(SANCTIONS, sanctions(sanction(Map.of("personName", "张".repeat(50))))).valid())
                    .isTrue();
            FormSubmission tooLong = FormValidator.validate(SANCTIONS, sanctions(sanction(Map.of("personName", "张".repeat(51)))));
            assertThat(codes(tooLong)).containsExactly(tuple("sanctions[0].personName", "form.maxLength"));
            assertThat(tooLong.errors().get(0).defaultMessage()).isEqualTo("姓名不能超过50个字符");
        }

        @Test
        void textThatHidesOrReordersCharactersIsRefusedNamingTheCharacter() {
            FormSubmission refused = FormValidator.validate(SANCTIONS, sanctions(sanction(Map.of("personName", "张\u202E三"))));
            assertThat(codes(refused)).containsExactly(tuple("sanctions[0].personName", "form.unsafeText"));
            assertThat(refused.errors().get(0).defaultMessage()).contains("姓名", "U+202E");
        }

        @Test
        void aPatternMustMatchTheWholeValue() {
            assertThat(domain("www.jxedu.gov.cn").valid()).isTrue();
            assertThat(domain("WWW.JXEDU.GOV.CN").valid()).isFalse();
            assertThat(codes(domain("www.jxedu.com"))).containsExactly(tuple("correctedDomain", "form.pattern"));
            assertThat(codes(domain("www.jxedu.gov.cn.evil.com"))).containsExactly(tuple("correctedDomain", "form.pattern"));
            assertThat(codes(domain("https://www.jxedu.gov.cn"))).containsExactly(tuple("correctedDomain", "form.pattern"));
        }

        @Test
        void theFilingNumberPatternTakesAnIcpFilingNumber() {
            assertThat(filing("赣ICP备12345678号").valid()).isTrue();
            assertThat(filing("赣ICP备12345678号-2").valid()).isTrue();
            assertThat(codes(filing("12345678"))).containsExactly(tuple("filingNumber", "form.pattern"));
        }

        @Test
        void aUrlListTakesOneUrlPerLine() {
            Map<String, Object> raw = a3307("https://www.jxedu.gov.cn/a.html\r\nhttps://www.jxedu.gov.cn/b.html\n");
            assertThat(FormValidator.validate(A33_07, raw).valid()).isTrue();
            assertThat(codes(FormValidator.validate(A33_07, a3307("已删除"))))
                    .containsExactly(tuple("removedUrls", "form.pattern"));
        }

        @Test
        void aNumberWhereTextBelongsIsRefused() {
            assertThat(codes(FormValidator.validate(ISSUE_ORDER, Map.of("requirements", 42))))
                    .containsExactly(tuple("requirements", "form.text"));
        }

        private FormSubmission domain(String value) {
            return FormValidator.validate(A33_09, Map.of("report", "已更正域名", "correctedDomain", value));
        }

        private FormSubmission filing(String value) {
            return FormValidator.validate(A33_01, Map.of("report", "已备案", "resolution", "FILED", "filingNumber", value));
        }
    }

    @Nested
    class Choices {

        @Test
        void aSelectTakesOneOfItsValues() {
            FormSubmission s = FormValidator.validate(REVIEW, Map.of("decision", "SANCTION", "findings", "情节严重"));
            assertThat(s.valid()).isTrue();
            assertThat(s.values()).containsEntry("decision", "SANCTION");
        }

        @Test
        void aValueOutsideTheOptionsIsRefused() {
            FormSubmission s = FormValidator.validate(REVIEW, Map.of("decision", "sanction", "findings", "x"));
            assertThat(codes(s)).containsExactly(tuple("decision", "form.option"));
            assertThat(s.errors().get(0).args()).containsExactly("审查决定", "sanction", "SANCTION, NO_SANCTION");
            assertThat(codes(FormValidator.validate(REVIEW, Map.of("decision", 1, "findings", "x"))))
                    .containsExactly(tuple("decision", "form.option"));
        }

        @Test
        void aYesNoFieldTakesJsonBooleansOrTheirText() {
            assertThat(FormValidator.validate(VERIFY, Map.of("accepted", true)).values()).containsEntry("accepted", true);
            assertThat(FormValidator.validate(VERIFY, Map.of("accepted", false)).values()).containsEntry("accepted", false);
            assertThat(FormValidator.validate(VERIFY, Map.of("accepted", "true")).values()).containsEntry("accepted", true);
            assertThat(FormValidator.validate(VERIFY, Map.of("accepted", "false")).values()).containsEntry("accepted", false);
            assertThat(codes(FormValidator.validate(VERIFY, Map.of("accepted", "maybe"))))
                    .containsExactly(tuple("accepted", "form.boolean"));
            assertThat(codes(FormValidator.validate(VERIFY, Map.of()))).containsExactly(tuple("accepted", "form.required"));
        }

        @Test
        void aCheckboxIsFalseWhenAbsentAndTrueWhenTickedInAnHtmlPost() {
            assertThat(FormValidator.validate(VERIFY, Map.of("accepted", true)).values()).containsEntry("serious", false);
            assertThat(FormValidator.validate(VERIFY, Map.of("accepted", "false", "serious", "on")).values())
                    .containsEntry("serious", true);
            assertThat(FormValidator.validate(VERIFY, Map.of("accepted", "false", "serious", "true")).values())
                    .containsEntry("serious", true);
            assertThat(FormValidator.validate(VERIFY, Map.of("accepted", false, "serious", true)).values())
                    .containsEntry("serious", true);
            assertThat(FormValidator.validate(VERIFY, Map.of("accepted", false, "serious", "")).values())
                    .containsEntry("serious", false);
            assertThat(codes(FormValidator.validate(VERIFY, Map.of("accepted", true, "serious", "yes please"))))
                    .containsExactly(tuple("serious", "form.boolean"));
            assertThat(codes(FormValidator.validate(VERIFY, Map.of("accepted", true, "serious", 1))))
                    .containsExactly(tuple("serious", "form.boolean"));
        }
    }

    @Nested
    class Dates {

        @Test
        void aDateIsAnIsoLocalDate() {
            FormSubmission s = FormValidator.validate(A33_08, a3308(0, 0));
            assertThat(s.values()).containsEntry("chargingStoppedDate", LocalDate.of(2026, 9, 18));
            Map<String, Object> raw = a3308(0, 0);
            raw.put("chargingStoppedDate", "18/09/2026");
            assertThat(codes(FormValidator.validate(A33_08, raw))).containsExactly(tuple("chargingStoppedDate", "form.date"));
            raw.put("chargingStoppedDate", "2026-02-30");
            assertThat(codes(FormValidator.validate(A33_08, raw))).containsExactly(tuple("chargingStoppedDate", "form.date"));
            raw.put("chargingStoppedDate", LocalDate.of(2026, 1, 2));
            assertThat(FormValidator.validate(A33_08, raw).values()).containsEntry("chargingStoppedDate", LocalDate.of(2026, 1, 2));
        }

        @Test
        void aDateTimeWithAnOffsetIsAnOffsetDateTimeAndWithoutOneALocalDateTime() {
            Map<String, Object> raw = a3307("https://www.jxedu.gov.cn/a.html");
            raw.put("removalTime", "2026-09-18T10:00+08:00");
            assertThat(FormValidator.validate(A33_07, raw).values())
                    .containsEntry("removalTime", OffsetDateTime.parse("2026-09-18T10:00:00+08:00"));
            raw.put("removalTime", "2026-09-18T10:00:30");
            assertThat(FormValidator.validate(A33_07, raw).values())
                    .containsEntry("removalTime", LocalDateTime.of(2026, 9, 18, 10, 0, 30));
            raw.put("removalTime", "2026-09-18");
            assertThat(codes(FormValidator.validate(A33_07, raw))).containsExactly(tuple("removalTime", "form.datetime"));
        }
    }

    @Nested
    class UnknownFields {

        @Test
        void aKeyTheFormDoesNotDefineIsAnError() {
            FormSubmission s = FormValidator.validate(ISSUE_ORDER, Map.of("requirements", "x", "deadline", "2026-10-09"));
            assertThat(codes(s)).containsExactly(tuple("deadline", "form.unknownField"));
            assertThat(s.errors().get(0).defaultMessage()).isEqualTo("deadline不是此表单的字段");
        }

        @Test
        void aDisplayOnlyComponentTakesNoValue() {
            assertThat(codes(FormValidator.validate(ISSUE_ORDER, Map.of("requirements", "x", "Text_periodHint", "hi"))))
                    .containsExactly(tuple("Text_periodHint", "form.unknownField"));
        }

        @Test
        void anUnknownKeyInsideAListItemIsReportedAtItsPath() {
            Map<String, Object> item = sanction(Map.of("age", 40));
            assertThat(codes(FormValidator.validate(SANCTIONS, sanctions(item))))
                    .containsExactly(tuple("sanctions[0].age", "form.unknownField"));
        }
    }

    @Nested
    class Lists {

        @Test
        void aCompleteSanctionListPassesAndIsNormalised() {
            FormSubmission s = FormValidator.validate(SANCTIONS, sanctions(sanction(Map.of()), sanction(Map.of("type", "DISMISSAL"))));
            assertThat(s.errors()).isEmpty();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> list = (List<Map<String, Object>>) s.values().get("sanctions");
            assertThat(list).hasSize(2);
            assertThat(list.get(0)).containsEntry("decisionDate", LocalDate.of(2026, 9, 1)).containsEntry("type", "WARNING");
            assertThat(list.get(1)).containsEntry("type", "DISMISSAL");
        }

        @Test
        void anEmptyOrAbsentListHasTooFewItems() {
            assertThat(codes(FormValidator.validate(SANCTIONS, Map.of("sanctions", List.of()))))
                    .containsExactly(tuple("sanctions", "form.minItems"));
            FormSubmission absent = FormValidator.validate(SANCTIONS, Map.of());
            assertThat(codes(absent)).containsExactly(tuple("sanctions", "form.minItems"));
            assertThat(absent.errors().get(0).defaultMessage()).isEqualTo("处分记录至少需要1项");
        }

        @Test
        void tooManyItemsAreRefused() {
            Map<String, Object>[] many = java.util.stream.IntStream.range(0, 51).mapToObj(i -> sanction(Map.of()))
                    .toArray(Map[]::new);
            assertThat(codes(FormValidator.validate(SANCTIONS, sanctions(many))))
                    .containsExactly(tuple("sanctions", "form.maxItems"));
        }

        @Test
        void errorsInsideItemsNameTheItemAndTheField() {
            FormSubmission s = FormValidator.validate(SANCTIONS, sanctions(
                    sanction(Map.of()),
                    sanction(Map.of("personName", "", "orgCode", "jx-edu", "responsibility", "BOSS", "decisionDate", "2026-13-01"))));
            assertThat(codes(s)).containsExactly(
                    tuple("sanctions[1].personName", "form.required"),
                    tuple("sanctions[1].orgCode", "form.pattern"),
                    tuple("sanctions[1].responsibility", "form.option"),
                    tuple("sanctions[1].decisionDate", "form.date"));
            assertThat(s.errors().get(0).defaultMessage()).isEqualTo("姓名为必填项");
            assertThat(s.values()).doesNotContainKey("sanctions");
        }

        @Test
        void aListMustBeAListOfObjects() {
            assertThat(codes(FormValidator.validate(SANCTIONS, Map.of("sanctions", "张三"))))
                    .containsExactly(tuple("sanctions", "form.list"));
            assertThat(codes(FormValidator.validate(SANCTIONS, Map.of("sanctions", List.of("张三")))))
                    .containsExactly(tuple("sanctions[0]", "form.list"));
        }

        @Test
        void anHtmlPostWithFlatItemKeysIsGatheredIntoItemsInIndexOrder() {
            Map<String, Object> raw = new LinkedHashMap<>();
            flat(raw, 2, sanction(Map.of("personName", "李四", "type", "DEMERIT")));
            flat(raw, 0, sanction(Map.of("personName", "张三")));
            FormSubmission s = FormValidator.validate(SANCTIONS, raw);
            assertThat(s.errors()).isEmpty();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> list = (List<Map<String, Object>>) s.values().get("sanctions");
            assertThat(list).extracting(m -> m.get("personName")).containsExactly("张三", "李四");
            assertThat(list.get(1)).containsEntry("type", "DEMERIT");
        }

        @Test
        void aFlatKeyOfAnUnknownListIsAnUnknownField() {
            Map<String, Object> raw = new LinkedHashMap<>();
            flat(raw, 0, sanction(Map.of()));
            raw.put("persons[0].name", "张三");
            assertThat(codes(FormValidator.validate(SANCTIONS, raw))).containsExactly(tuple("persons[0].name", "form.unknownField"));
        }

        private void flat(Map<String, Object> raw, int index, Map<String, Object> item) {
            item.forEach((k, v) -> raw.put("sanctions[" + index + "]." + k, String.valueOf(v)));
        }
    }

    @Nested
    class HtmlPosts {

        @Test
        void anAllStringPostOfAResponseIsNormalisedLikeJson() {
            Map<String, String> post = new LinkedHashMap<>();
            post.put("report", "已删除并发布更正说明");
            post.put("correctedUrls", "https://www.jxedu.gov.cn/fee.html");
            post.put("chargingStoppedDate", "2026-09-18");
            post.put("refundedAmount", "1200.50");
            post.put("refundedCount", "4");
            FormSubmission s = FormValidator.validate(A33_08, post);
            assertThat(s.errors()).isEmpty();
            assertThat(s.values()).containsEntry("refundedAmount", new BigDecimal("1200.50"))
                    .containsEntry("refundedCount", 4)
                    .containsEntry("chargingStoppedDate", LocalDate.of(2026, 9, 18));
        }

        @Test
        void servletParameterArraysOfOneValueAreThatValue() {
            Map<String, String[]> post = Map.of("requirements", new String[] {"删除"}, "periodWorkingDays", new String[] {"5"});
            FormSubmission s = FormValidator.validate(ISSUE_ORDER, post);
            assertThat(s.errors()).isEmpty();
            assertThat(s.values()).containsEntry("periodWorkingDays", 5).containsEntry("requirements", "删除");
            assertThat(codes(FormValidator.validate(ISSUE_ORDER, Map.of("requirements", new String[] {"a", "b"}))))
                    .containsExactly(tuple("requirements", "form.text"));
        }

        @Test
        void extensionRequestFromStrings() {
            assertThat(FormValidator.validate(EXTENSION, Map.of("reason", "需要采购正版软件", "days", "10")).values())
                    .containsEntry("days", 10);
            assertThat(codes(FormValidator.validate(EXTENSION, Map.of("reason", "x", "days", "31"))))
                    .containsExactly(tuple("days", "form.max"));
        }
    }

    @Test
    void aNullSubmissionIsAnEmptyOne() {
        assertThat(codes(FormValidator.validate(ISSUE_ORDER, null))).containsExactly(tuple("requirements", "form.required"));
    }

    @Test
    void theResultCannotBeChanged() {
        FormSubmission s = FormValidator.validate(ISSUE_ORDER, Map.of("requirements", "x"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.values().put("x", 1))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    private static List<org.assertj.core.groups.Tuple> codes(FormSubmission s) {
        return s.errors().stream().map(e -> tuple(e.field(), e.code())).toList();
    }

    private static Map<String, Object> a3307(String urls) {
        Map<String, Object> raw = new HashMap<>();
        raw.put("report", "已删除");
        raw.put("removalTime", "2026-09-18T10:00:00+08:00");
        raw.put("removedUrls", urls);
        return raw;
    }

    private static Map<String, Object> a3308(Object amount, Object count) {
        Map<String, Object> raw = new HashMap<>();
        raw.put("report", "已停止收费并退还");
        raw.put("correctedUrls", "https://www.jxedu.gov.cn/fee.html");
        raw.put("chargingStoppedDate", "2026-09-18");
        raw.put("refundedAmount", amount);
        raw.put("refundedCount", count);
        return raw;
    }

    private static Map<String, Object> sanction(Map<String, Object> overrides) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("personName", "张三");
        item.put("post", "办公室主任");
        item.put("orgCode", "JX-EDU");
        item.put("responsibility", "LEADER");
        item.put("type", "WARNING");
        item.put("decisionNumber", "赣监〔2026〕12号");
        item.put("decisionDate", "2026-09-01");
        item.putAll(overrides);
        return item;
    }

    @SafeVarargs
    private static Map<String, Object> sanctions(Map<String, Object>... items) {
        return Map.of("sanctions", List.of(items));
    }
}
