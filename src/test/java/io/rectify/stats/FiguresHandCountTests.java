package io.rectify.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.rectify.IntegrationTest;
import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.category.Categories;
import io.rectify.category.Category;
import io.rectify.directory.Actor;
import io.rectify.directory.OrgKind;
import io.rectify.directory.Role;
import io.rectify.document.Poppler;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every figure of the scorecard against a count by hand over generated cases: a city of its own
 * with a county below it, cases in every state over a year and a half, sanctions on some of the
 * escalated ones. The office, a department and the supervision body each get the figures of the
 * cases they may see, and the XLSX holds the same numbers as the query object.
 */
class FiguresHandCountTests extends IntegrationTest {

    static final Period PERIOD = new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31));
    static final String[] SOURCES = {"MANUAL", "INSPECTION", "MONITOR", "COMPLAINT"};
    static final String[] SANCTIONS = {"WARNING", "DEMERIT", "MAJOR_DEMERIT"};

    @Autowired Scorecards scorecards;
    @Autowired AnnualReport annualReport;
    @Autowired FiguresWorkbook workbook;
    @Autowired JdbcTemplate jdbc;
    @Autowired FiguresDocuments documents;
    @Autowired FigureText figureText;
    @Autowired Ranking ranking;
    @Autowired MessageSource messages;
    @Autowired Categories categories;

    String city;
    String county;
    List<String> bodies;
    List<Generated> cases;
    List<GeneratedSanction> sanctions;

    record Generated(String id, String body, String region, String category, String source, boolean repeat,
                     LocalDate created, LocalDate ordered, LocalDate closed, String status, LocalDate deadline,
                     Boolean onTime, Integer workingDays, int rejections, LocalDate escalated, LocalDate extended) {
    }

    record GeneratedSanction(String caseId, String type, LocalDate decided) {
    }

    @BeforeEach
    void generate() {
        String tag = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase(Locale.ROOT);
        city = "HC" + tag;
        county = "HK" + tag;
        jdbc.update("insert into region (code, name_zh, name_en, parent_code) values (?, ?, ?, 'JX')", city, "测试市", "Test city");
        jdbc.update("insert into region (code, name_zh, name_en, parent_code) values (?, ?, ?, ?)", county, "测试县", "Test county", city);
        bodies = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String code = (i == 4 ? county : city) + "-D" + i;
            String region = i == 4 ? county : city;
            jdbc.update("insert into organization (code, name_zh, name_en, kind, region_code) values (?, ?, ?, 'DEPARTMENT', ?)",
                    code, "测试单位" + code, "Test body " + code, region);
            bodies.add(code);
        }
        List<String> categories = jdbc.queryForList("select code from category order by code", String.class);
        LocalDate today = scorecards.today();
        Random random = new Random(20261001);
        cases = new ArrayList<>();
        sanctions = new ArrayList<>();
        for (int n = 0; n < 400; n++) {
            String body = bodies.get(random.nextInt(bodies.size()));
            String region = body.startsWith(county) ? county : city;
            // created from 2025-10-01 over 240 days: before, in and after the period
            LocalDate created = LocalDate.of(2025, 10, 1).plusDays(random.nextInt(240));
            int state = random.nextInt(10);
            String status = state < 6 ? "CLOSED" : state < 8 ? "ORDERED" : state < 9 ? "RESPONDED" : "DETECTED";
            LocalDate ordered = status.equals("DETECTED") ? null : created.plusDays(random.nextInt(3));
            LocalDate closed = status.equals("CLOSED") ? ordered.plusDays(1 + random.nextInt(60)) : null;
            // a case closed before the figures existed: its timeliness unknown
            boolean unknown = closed != null && random.nextInt(10) == 0;
            Boolean onTime = closed == null || unknown ? null : random.nextBoolean();
            Integer workingDays = closed == null || unknown ? null : 1 + random.nextInt(40);
            LocalDate deadline = ordered == null ? null
                    : status.equals("ORDERED") ? today.plusDays(random.nextInt(61) - 30) : ordered.plusDays(20);
            boolean escalated = random.nextInt(5) == 0 && ordered != null;
            LocalDate escalatedOn = escalated ? ordered.plusDays(random.nextInt(30)) : null;
            LocalDate extended = ordered != null && random.nextInt(8) == 0 ? ordered.plusDays(random.nextInt(10)) : null;
            Generated c = new Generated(city + "-" + n, body, region, categories.get(random.nextInt(categories.size())),
                    SOURCES[random.nextInt(SOURCES.length)], random.nextInt(7) == 0, created, ordered, closed, status,
                    deadline, onTime, workingDays, status.equals("CLOSED") ? random.nextInt(3) : 0, escalatedOn, extended);
            cases.add(c);
            insert(c);
            if (escalated && random.nextBoolean()) {
                for (int s = 0; s <= random.nextInt(2); s++) {
                    GeneratedSanction sanction = new GeneratedSanction(c.id(), SANCTIONS[random.nextInt(SANCTIONS.length)],
                            escalatedOn.plusDays(random.nextInt(40)));
                    sanctions.add(sanction);
                    jdbc.update("""
                            insert into sanction (case_id, person_name, post, org_code, responsibility, type, decision_number,
                                decision_date, executed, recorded_by, recorded_at)
                            values (?, '测试', '科长', ?, 'LEADER', ?, ?, ?, true, 'test', ?)""",
                            c.id(), c.body(), sanction.type(), "测〔" + c.id() + "〕" + s, sanction.decided(),
                            Timestamp.from(java.time.Instant.now()));
                }
            }
        }
    }

    private void insert(Generated c) {
        jdbc.update("""
                insert into rectification_case (id, case_number, category_code, respondent_org_code, region_code,
                    opened_by_org_code, opened_by, title, description, source, status, outcome, deadline, overdue_marked,
                    flagged_serious, repeat_violation, escalated, review_status, rectification_accepted, rejection_count,
                    extension_used, created_at, closed_at, version, ordered_on, rectified_on_time, rectification_working_days,
                    escalated_on, extension_granted_on)
                values (?, ?, ?, ?, ?, 'JX-GOV-OFFICE', 'test', '测试案件', '测试', ?, ?, ?, ?, false, false, ?, ?, ?, ?, ?,
                        ?, ?, ?, 0, ?, ?, ?, ?, ?)""",
                c.id(), "测〔" + c.id() + "〕", c.category(), c.body(), c.region(), c.source(), c.status(),
                c.closed() == null ? null : "RECTIFIED", c.deadline(), c.repeat(), c.escalated() != null,
                c.escalated() != null ? "DECIDED" : "NONE", c.closed() != null, c.rejections(), c.extended() != null,
                instant(c.created(), 0), c.closed() == null ? null : instant(c.closed(), 23),
                c.ordered(), c.onTime(), c.workingDays(), c.escalated(), c.extended());
    }

    /** a time on that business day, just after midnight for openings and late in the evening for closings: the zone matters */
    private static Timestamp instant(LocalDate day, int hour) {
        return Timestamp.from(day.atTime(LocalTime.of(hour, 30)).atZone(WorkingDayCalendar.ZONE).toInstant());
    }

    @Test
    void everyFigureOfEveryBodyIsTheHandCount() {
        Actor office = new Actor("test", Role.SUPERVISOR, "JX-GOV-OFFICE", OrgKind.OFFICE, city);
        Map<String, Scorecard> byBody = scorecards.byBody(office, PERIOD).stream()
                .collect(Collectors.toMap(Scorecard::key, c -> c));
        assertThat(byBody.keySet()).containsExactlyInAnyOrderElementsOf(bodies);
        for (String body : bodies) {
            assertHandCount(byBody.get(body), c -> c.body().equals(body), false);
        }
        assertHandCount(scorecards.total(office, PERIOD), c -> true, false);
        // by region: the city's own bodies, and the county's below it
        Map<String, Scorecard> byRegion = scorecards.byRegion(office, PERIOD).stream()
                .collect(Collectors.toMap(Scorecard::key, c -> c));
        assertThat(byRegion.keySet()).containsExactlyInAnyOrder(city, county);
        assertHandCount(byRegion.get(city), c -> c.region().equals(city), false);
        assertHandCount(byRegion.get(county), c -> c.region().equals(county), false);
        // the months add up to the period
        List<Scorecard> months = scorecards.byMonth(office, PERIOD);
        assertThat(months).extracting(Scorecard::key).containsExactly("2026-01", "2026-02", "2026-03");
        assertThat(months.stream().mapToLong(Scorecard::opened).sum()).isEqualTo(scorecards.total(office, PERIOD).opened());
        assertThat(months.stream().mapToLong(Scorecard::closed).sum()).isEqualTo(scorecards.total(office, PERIOD).closed());
    }

    @Test
    void everyFigureOfEveryMonthIsTheHandCountOfThatMonth() {
        Actor office = new Actor("test", Role.SUPERVISOR, "JX-GOV-OFFICE", OrgKind.OFFICE, city);
        Actor supervision = new Actor("test", Role.SUPERVISION, "JX-SUPERVISION", OrgKind.SUPERVISION, city);
        // a period cut inside its first and last months, over a year's turn
        Period period = new Period(LocalDate.of(2025, 11, 15), LocalDate.of(2026, 4, 10));
        List<Scorecard> months = scorecards.byMonth(office, period);
        List<Scorecard> escalatedMonths = scorecards.byMonth(supervision, period);
        assertThat(months).extracting(Scorecard::key)
                .containsExactly("2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04");
        for (int i = 0; i < period.months().size(); i++) {
            Period month = period.months().get(i);
            assertHandCount(months.get(i), month, c -> true, false);
            assertHandCount(escalatedMonths.get(i), month, c -> c.escalated() != null, true);
        }
        Period oneMonth = new Period(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28));
        assertThat(scorecards.byMonth(office, oneMonth)).singleElement()
                .satisfies(card -> assertHandCount(card, oneMonth, c -> true, false));
    }

    @Test
    void aDepartmentSeesItselfAloneAndSupervisionTheEscalatedCasesWithTheirSanctions() {
        String body = bodies.get(1);
        Actor department = new Actor("test", Role.RESPONDER, body, OrgKind.DEPARTMENT, city);
        List<Scorecard> own = scorecards.byBody(department, PERIOD);
        assertThat(own).extracting(Scorecard::key).containsExactly(body);
        assertHandCount(own.get(0), c -> c.body().equals(body), false);
        assertHandCount(scorecards.total(department, PERIOD), c -> c.body().equals(body), false);

        Actor supervision = new Actor("test", Role.SUPERVISION, "JX-SUPERVISION", OrgKind.SUPERVISION, city);
        assertHandCount(scorecards.total(supervision, PERIOD), c -> c.escalated() != null, true);
        for (Scorecard card : scorecards.byBody(supervision, PERIOD)) {
            assertHandCount(card, c -> c.escalated() != null && c.body().equals(card.key()), true);
        }
    }

    @Test
    void anotherCitySeesNoneOfTheseCases() {
        Actor other = new Actor("test", Role.SUPERVISOR, "NC-GOV-OFFICE", OrgKind.OFFICE, "NC");
        assertThat(scorecards.byBody(other, PERIOD)).extracting(Scorecard::key).doesNotContainAnyElementsOf(bodies);
        Actor province = new Actor("test", Role.SUPERVISOR, "JX-GOV-OFFICE", OrgKind.OFFICE, "JX");
        assertThat(scorecards.byBody(province, PERIOD)).extracting(Scorecard::key).containsAll(bodies);
    }

    @Test
    void theAnnualReportsSpreadsheetHoldsTheQueryObjectsFigures() throws Exception {
        Actor office = new Actor("test", Role.SUPERVISOR, "JX-GOV-OFFICE", OrgKind.OFFICE, city);
        AnnualReport.Report report = annualReport.of(office, 2026);
        Scorecard year = scorecards.total(office, Period.year(2026));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook.annualReport(report, Locale.CHINA)))) {
            Sheet total = book.getSheetAt(0);
            for (int i = 0; i < FiguresWorkbook.COLUMNS.size(); i++) {
                Row row = total.getRow(2 + i);
                Object expected = FiguresWorkbook.figure(year, FiguresWorkbook.COLUMNS.get(i));
                if (expected == null) {
                    assertThat(row.getCell(1).getCellType().name()).isEqualTo("BLANK");
                } else {
                    assertThat(row.getCell(1).getNumericCellValue()).as(FiguresWorkbook.COLUMNS.get(i))
                            .isEqualTo(((Number) expected).doubleValue());
                }
            }
            // the categories: every one of the regulation, its code, its name in the reader's language, its cases
            Sheet categories = book.getSheetAt(3);
            Map<String, Long> opened = year.openedByCategory();
            List<Category> all = this.categories.all();
            assertThat(categories.getLastRowNum()).isEqualTo(all.size());
            for (int i = 0; i < all.size(); i++) {
                Row row = categories.getRow(1 + i);
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo(all.get(i).code());
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo(all.get(i).nameZh());
                assertThat(row.getCell(2).getNumericCellValue()).as(all.get(i).code())
                        .isEqualTo(opened.getOrDefault(all.get(i).code(), 0L).doubleValue());
            }
            // the ranking sheet: every body, each with its score
            Sheet ranking = book.getSheetAt(4);
            assertThat(ranking.getLastRowNum() - 2).isEqualTo(report.ranking().entries().size());
        }
    }

    @Test
    void theAnnualReportsPdfPrintsTheQueryObjectsFigures() throws Exception {
        Actor office = new Actor("test", Role.SUPERVISOR, "JX-GOV-OFFICE", OrgKind.OFFICE, city);
        Period year = Period.year(2026);
        byte[] pdf = documents.annualReport(office, annualReport.of(office, 2026));
        java.nio.file.Files.write(java.nio.file.Path.of("target/generated-annual-report.pdf"), pdf);
        String flat = Poppler.text(pdf).replaceAll("\\s", "");
        assertThat(flat).contains("政府网站监管年度报表（2026年度）", "统计范围：测试市", "2026年1月1日至2026年12月31日",
                "江西省人民政府办公厅");
        String text = Poppler.layoutText(pdf);
        // the year's total: each figure on its label's line, as the page prints it
        Scorecard total = scorecards.total(office, year);
        for (String column : FiguresWorkbook.COLUMNS) {
            assertThat(text).as(column).containsPattern(Pattern.quote(label("stats.col." + column)) + "\\s+"
                    + Pattern.quote(figureText.of(column, FiguresWorkbook.figure(total, column))) + "\\s*\\n");
        }
        // each region and each month: its name, then its thirteen figures in the columns' order
        for (Scorecard region : scorecards.byRegion(office, year)) {
            String name = region.key().equals(city) ? "测试市（本级）" : "测试县";
            assertThat(text).as(region.key()).containsPattern(Pattern.quote(name) + figures(region));
        }
        List<Scorecard> months = scorecards.byMonth(office, year);
        assertThat(months).hasSize(12);
        for (int m = 0; m < 12; m++) {
            assertThat(text).as("month " + (m + 1)).containsPattern("\\n\\s*" + (m + 1) + "月" + figures(months.get(m)));
        }
        // every category of the regulation by its code and its Chinese name (the document's language), with its cases
        for (Category category : categories.all()) {
            long n = total.openedByCategory().getOrDefault(category.code(), 0L);
            assertThat(flat).as(category.code()).contains(category.code() + category.nameZh().replaceAll("\\s", "") + n);
        }
    }

    @Test
    void theRankingsPdfPrintsEveryPlaceWithItsComponentsAndTheWeights() throws Exception {
        Actor office = new Actor("test", Role.SUPERVISOR, "JX-GOV-OFFICE", OrgKind.OFFICE, city);
        Ranking.Result result = ranking.of(office, 2026);
        byte[] pdf = documents.ranking(office, result);
        java.nio.file.Files.write(java.nio.file.Path.of("target/generated-ranking.pdf"), pdf);
        String flat = Poppler.text(pdf).replaceAll("\\s", "");
        assertThat(flat).contains("2026年度政府网站考评结果", "第" + result.weights().version() + "版", "江西省人民政府办公厅");
        String text = Poppler.layoutText(pdf);
        result.weights().byComponent().forEach((component, weight) -> assertThat(text).containsPattern(
                Pattern.quote(label("stats.component." + component)) + "\\s+" + weight + "\\s"));
        assertThat(result.entries()).hasSize(bodies.size());
        int from = 0;
        for (Ranking.Entry e : result.entries()) {
            assertThat(flat).contains(e.body().nameZh());
            StringBuilder row = new StringBuilder("\\n\\s*" + e.rank() + "\\s.*");
            result.weights().byComponent().keySet().stream().filter(c -> result.weights().byComponent().get(c) > 0)
                    .forEach(c -> row.append("\\s+").append(Pattern.quote(figureText.of(c, e.components().get(c)))));
            row.append("\\s+").append(Pattern.quote(String.valueOf(e.score()))).append("\\s*\\n");
            java.util.regex.Matcher m = Pattern.compile(row.toString()).matcher(text);
            assertThat(m.find(from)).as("place " + e.rank() + " of " + e.card().key() + ", after the one before").isTrue();
            from = m.end() - 1;
        }
    }

    /** A scorecard's figures after its name, as the PDF's tables print them. */
    private String figures(Scorecard card) {
        StringBuilder pattern = new StringBuilder();
        FiguresWorkbook.COLUMNS.forEach(column -> pattern.append("\\s+")
                .append(Pattern.quote(figureText.of(column, FiguresWorkbook.figure(card, column)))));
        return pattern.append("\\s*\\n").toString();
    }

    private String label(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }

    /** The figures of the cases that {@code seen} keeps, counted here one by one. */
    private void assertHandCount(Scorecard card, Predicate<Generated> seen, boolean sanctionsVisible) {
        assertHandCount(card, PERIOD, seen, sanctionsVisible);
    }

    private void assertHandCount(Scorecard card, Period period, Predicate<Generated> seen, boolean sanctionsVisible) {
        Predicate<LocalDate> in = day -> day != null && !day.isBefore(period.from()) && !day.isAfter(period.to());
        LocalDate today = scorecards.today();
        List<Generated> mine = cases.stream().filter(seen).toList();
        List<Generated> opened = mine.stream().filter(c -> in.test(c.created())).toList();
        List<Generated> closed = mine.stream().filter(c -> in.test(c.closed())).toList();
        assertThat(card.opened()).as("opened").isEqualTo(opened.size());
        assertThat(card.openedByCategory()).as("by category").isEqualTo(opened.stream()
                .collect(Collectors.groupingBy(Generated::category, TreeMap::new, Collectors.counting())));
        assertThat(card.openedBySource()).as("by source").isEqualTo(opened.stream()
                .collect(Collectors.groupingBy(Generated::source, TreeMap::new, Collectors.counting())));
        assertThat(card.repeats()).as("repeats").isEqualTo(opened.stream().filter(Generated::repeat).count());
        assertThat(card.ordersIssued()).as("orders").isEqualTo(mine.stream().filter(c -> in.test(c.ordered())).count());
        assertThat(card.closed()).as("closed").isEqualTo(closed.size());
        long rated = closed.stream().filter(c -> c.onTime() != null).count();
        long onTime = closed.stream().filter(c -> Boolean.TRUE.equals(c.onTime())).count();
        assertThat(card.closedRated()).as("rated").isEqualTo(rated);
        assertThat(card.closedOnTime()).as("on time").isEqualTo(onTime);
        assertThat(card.onTimeRate()).as("on-time rate").isEqualTo(rated == 0 ? null : (double) onTime / rated);
        List<Integer> days = closed.stream().map(Generated::workingDays).filter(d -> d != null).sorted().toList();
        Double median = days.isEmpty() ? null : (days.get((days.size() - 1) / 2) + days.get(days.size() / 2)) / 2.0;
        assertThat(card.medianWorkingDays()).as("median").isEqualTo(median);
        assertThat(card.rejections()).as("rejections").isEqualTo(closed.stream().mapToLong(Generated::rejections).sum());
        List<Generated> openOrders = mine.stream().filter(c -> c.status().equals("ORDERED")).toList();
        long overdue = openOrders.stream().filter(c -> c.deadline().isBefore(today)).count();
        assertThat(card.openOrders()).as("open orders").isEqualTo(openOrders.size());
        assertThat(card.overdue()).as("overdue").isEqualTo(overdue);
        assertThat(card.overdueRate()).as("overdue rate")
                .isEqualTo(openOrders.isEmpty() ? null : (double) overdue / openOrders.size());
        assertThat(card.escalations()).as("escalations").isEqualTo(mine.stream().filter(c -> in.test(c.escalated())).count());
        assertThat(card.extensionsGranted()).as("extensions").isEqualTo(mine.stream().filter(c -> in.test(c.extended())).count());
        if (!sanctionsVisible) {
            assertThat(card.sanctionsByType()).as("sanctions hidden").isNull();
            return;
        }
        Map<String, String> caseIds = new HashMap<>();
        mine.forEach(c -> caseIds.put(c.id(), c.id()));
        Map<String, Long> expected = sanctions.stream().filter(s -> caseIds.containsKey(s.caseId()) && in.test(s.decided()))
                .collect(Collectors.groupingBy(GeneratedSanction::type, TreeMap::new, Collectors.counting()));
        assertThat(card.sanctionsByType()).as("sanctions").isEqualTo(expected);
    }

}
