package io.rectify.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.rectify.IntegrationTest;
import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.directory.Actor;
import io.rectify.directory.OrgKind;
import io.rectify.directory.Role;
import io.rectify.document.Poppler;
import io.rectify.monitoring.Indicator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The sites' components of the scorecard against a count by hand over generated rows of the other
 * modules' tables: the monitoring's latest check results, final and unfinished spot checks, and
 * public error reports, in a city of its own with a county below it. The office, a department and
 * supervision each get what they may see; a site closed or taken out of the registry is not watched;
 * a spot check finalised a moment ago counts; the annual report's XLSX and PDF print the same figures.
 */
class SiteFiguresHandCountTests extends IntegrationTest {

    /** the indicators the monitoring judges, in their order */
    static final java.util.List<Indicator> PROBED = java.util.Arrays.stream(Indicator.values()).filter(Indicator::probed).toList();


    static final Period PERIOD = new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31));
    static final String[] STATUSES = {"PASS", "PASS", "PASS", "PASS", "PASS", "PASS", "PASS", "PASS", "FAIL", "INCONCLUSIVE"};

    @Autowired Scorecards scorecards;
    @Autowired AnnualReport annualReport;
    @Autowired FiguresWorkbook workbook;
    @Autowired FiguresDocuments documents;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;
    @Autowired Ranking ranking;

    String city;
    String county;
    List<String> bodies;
    List<Site> sites;
    List<Check> checks;
    List<SpotCheck> spotChecks;
    List<ErrorReport> reports;
    long campaign;

    record Site(long id, String body, String region, boolean watched) {
    }

    record Check(Site site, String indicator, String status) {
    }

    record SpotCheck(Site site, String status, BigDecimal score, boolean vetoed, boolean qualified, Instant finalisedAt) {
    }

    record ErrorReport(Site site, Instant received, boolean forwarded, boolean replied, Boolean onTime, boolean overdue) {
    }

    @BeforeEach
    void generate() {
        String tag = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase(Locale.ROOT);
        city = "SC" + tag;
        county = "SK" + tag;
        jdbc.update("insert into region (code, name_zh, name_en, parent_code) values (?, ?, ?, 'JX')", city, "站点市", "Site city");
        jdbc.update("insert into region (code, name_zh, name_en, parent_code) values (?, ?, ?, ?)", county, "站点县", "Site county", city);
        jdbc.update("insert into organization (code, name_zh, name_en, kind, region_code) values (?, ?, ?, 'OFFICE', ?)",
                city + "-OFFICE", "站点市政府办", "Site office", city);
        bodies = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String code = (i == 3 ? county : city) + "-D" + i;
            jdbc.update("insert into organization (code, name_zh, name_en, kind, region_code) values (?, ?, ?, 'DEPARTMENT', ?)",
                    code, "站点单位" + code, "Site body " + code, i == 3 ? county : city);
            bodies.add(code);
        }
        Random random = new Random(20260301);
        sites = new ArrayList<>();
        for (int n = 0; n < 16; n++) {
            String body = bodies.get(n % bodies.size());
            // every fifth site closed, every seventh out of the registry: neither is watched
            boolean closed = n % 5 == 4;
            boolean inactive = n % 7 == 6;
            jdbc.update("insert into website (url, name, org_code, active, state) values (?, ?, ?, ?, ?)",
                    "https://" + tag.toLowerCase(Locale.ROOT) + "-" + n + ".example.gov.cn", "站点" + n, body, !inactive,
                    closed ? "CLOSED" : "OPEN");
            long id = jdbc.queryForObject("select id from website where org_code = ? and name = ?", Long.class, body, "站点" + n);
            sites.add(new Site(id, body, body.startsWith(county) ? county : city, !closed && !inactive));
        }
        checks = new ArrayList<>();
        for (Site site : sites) {
            // a site never checked has no result at all: it is not monitored
            if (site.id() % 6 == 0) {
                continue;
            }
            for (Indicator indicator : PROBED) {
                if (random.nextInt(4) == 0) {
                    continue;
                }
                Check check = new Check(site, indicator.name(), STATUSES[random.nextInt(STATUSES.length)]);
                checks.add(check);
                jdbc.update("""
                        insert into check_result (website_id, indicator, status, checked_at, detail)
                        values (?, ?, ?, ?, '测试')""", site.id(), check.indicator(), check.status(), Timestamp.from(Instant.now()));
            }
        }
        jdbc.update("insert into inspection_checklist (version, title, loaded_at, loaded_by) values (?, '测试指标', ?, 'test')",
                "site-figures-" + tag, Timestamp.from(Instant.now()));
        long checklist = jdbc.queryForObject("select id from inspection_checklist where version = ?", Long.class,
                "site-figures-" + tag);
        jdbc.update("""
                insert into inspection_campaign (name, period_from, period_to, region_code, office_code, sampling_ratio, seed,
                    checklist_id, status, population, created_by, created_at)
                values ('测试抽查', ?, ?, ?, ?, 0.5, 1, ?, 'OPEN', 16, 'test', ?)""",
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), city, city + "-OFFICE", checklist,
                Timestamp.from(Instant.now()));
        campaign = jdbc.queryForObject("select max(id) from inspection_campaign where region_code = ?", Long.class, city);
        spotChecks = new ArrayList<>();
        for (Site site : sites) {
            // finalised from 2025-12-01 over 150 days: before, in and after the period; some not final yet
            boolean finalised = random.nextInt(4) != 0;
            Instant at = LocalDate.of(2025, 12, 1).plusDays(random.nextInt(150))
                    .atTime(LocalTime.of(random.nextInt(24), 0)).atZone(WorkingDayCalendar.ZONE).toInstant();
            BigDecimal score = BigDecimal.valueOf(50 + random.nextInt(5000) / 100.0).setScale(2, RoundingMode.HALF_UP);
            boolean vetoed = random.nextInt(5) == 0;
            SpotCheck check = new SpotCheck(site, finalised ? "FINAL" : "SUBMITTED", score, vetoed,
                    !vetoed && score.compareTo(BigDecimal.valueOf(80)) >= 0, finalised ? at : null);
            spotChecks.add(check);
            insert(check);
        }
        reports = new ArrayList<>();
        for (int n = 0; n < 60; n++) {
            Site site = sites.get(random.nextInt(sites.size()));
            Instant received = LocalDate.of(2025, 12, 1).plusDays(random.nextInt(150))
                    .atTime(LocalTime.of(random.nextInt(24), random.nextInt(60))).atZone(WorkingDayCalendar.ZONE).toInstant();
            boolean forwarded = random.nextInt(5) != 0;
            boolean replied = forwarded && random.nextBoolean();
            ErrorReport report = new ErrorReport(site, received, forwarded, replied, replied ? random.nextBoolean() : null,
                    forwarded && !replied && random.nextBoolean());
            reports.add(report);
            jdbc.update("""
                    insert into public_report (id, tracking_number, channel, received_at, site_url, site_org_code, region_code,
                        triage_org_code, page_url, description, status, forwarded_at, replied_at, replied_on_time, overdue)
                    values (?, ?, 'PORTAL', ?, 'https://example.gov.cn', ?, ?, ?, 'https://example.gov.cn/a', '错别字', ?, ?, ?, ?, ?)""",
                    tag + "-" + n, ("T" + tag + n), Timestamp.from(received), site.body(), site.region(), city + "-OFFICE",
                    replied ? "REPLIED" : forwarded ? "FORWARDED" : "RECEIVED",
                    forwarded ? Timestamp.from(received.plusSeconds(3600)) : null,
                    replied ? Timestamp.from(received.plusSeconds(7200)) : null, report.onTime(), report.overdue());
        }
    }

    private void insert(SpotCheck check) {
        jdbc.update("""
                insert into inspection (campaign_id, website_id, org_code, region_code, site_level, status, no_public_service,
                    score, vetoed, qualified, finalised_at)
                values (?, ?, ?, ?, 'DEPARTMENT', ?, false, ?, ?, ?, ?)""",
                campaign, check.site().id(), check.site().body(), check.site().region(), check.status(), check.score(),
                check.vetoed(), check.qualified(), check.finalisedAt() == null ? null : Timestamp.from(check.finalisedAt()));
    }

    @Test
    void eachBodyRegionAndTheTotalCountsItsOwnSites() {
        Actor office = new Actor("test", Role.SUPERVISOR, city + "-OFFICE", OrgKind.OFFICE, city);
        for (Scorecard card : scorecards.byBody(office, PERIOD)) {
            assertHandCount(card, site -> site.body().equals(card.key()));
        }
        List<Scorecard> regions = scorecards.byRegion(office, PERIOD);
        assertThat(regions).extracting(Scorecard::key).containsExactly(city, county);
        assertHandCount(regions.get(0), site -> site.region().equals(city));
        assertHandCount(regions.get(1), site -> site.region().equals(county));
        Scorecard total = scorecards.total(office, PERIOD);
        assertThat(total.sites().monitored()).as("the generated rows give every figure something to count").isPositive();
        assertThat(total.sites().healthy()).isPositive().isLessThan(total.sites().monitored());
        assertThat(total.spotChecks().checked()).isPositive();
        assertThat(total.errorReports().repliedOnTime()).isPositive();
        assertHandCount(total, site -> true);
        // the months: the spot checks and reports of each month add up to the period's; the health is today's in each
        List<Scorecard> months = scorecards.byMonth(office, PERIOD);
        assertThat(months.stream().mapToLong(m -> m.spotChecks().checked()).sum())
                .isEqualTo(scorecards.total(office, PERIOD).spotChecks().checked());
        assertThat(months.stream().mapToLong(m -> m.errorReports().received()).sum())
                .isEqualTo(scorecards.total(office, PERIOD).errorReports().received());
        assertThat(months).allSatisfy(m -> assertThat(m.sites()).isEqualTo(scorecards.total(office, PERIOD).sites()));
    }

    @Test
    void aDepartmentSeesItsOwnSitesAndSupervisionNone() {
        String body = bodies.get(1);
        Actor department = new Actor("test", Role.RESPONDER, body, OrgKind.DEPARTMENT, city);
        assertHandCount(scorecards.total(department, PERIOD), site -> site.body().equals(body));
        Actor supervision = new Actor("test", Role.SUPERVISION, "JX-SUPERVISION", OrgKind.SUPERVISION, city);
        Scorecard seen = scorecards.total(supervision, PERIOD);
        assertThat(seen.sites().monitored()).isZero();
        assertThat(seen.spotChecks().checked()).isZero();
        assertThat(seen.errorReports().received()).isZero();
    }

    @Test
    void aSpotCheckFinalisedAMomentAgoCounts() {
        Actor office = new Actor("test", Role.SUPERVISOR, city + "-OFFICE", OrgKind.OFFICE, city);
        Period today = Period.of(null, null, scorecards.today());
        long before = scorecards.total(office, today).spotChecks().checked();
        SpotCheck now = new SpotCheck(sites.get(0), "FINAL", new BigDecimal("91.50"), false, true,
                clock.instant().minusSeconds(1));
        jdbc.update("delete from inspection where campaign_id = ? and website_id = ?", campaign, sites.get(0).id());
        insert(now);
        Scorecard after = scorecards.total(office, today);
        SpotCheck replaced = spotChecks.get(0);
        boolean replacedCounted = replaced.finalisedAt() != null && in(today, replaced.finalisedAt());
        assertThat(after.spotChecks().checked()).isEqualTo(before - (replacedCounted ? 1 : 0) + 1);
    }

    @Test
    void theRankingWeighsTheSpotChecksAndLeavesThemOutForABodyNotChecked() {
        Actor admin = new Actor("test.admin", Role.ADMIN, null, null, null);
        RankingWeights before = ranking.weights();
        ranking.setWeights(admin, Map.of(Ranking.ON_TIME, 50, Ranking.OVERDUE, 0, Ranking.SPEED, 0, Ranking.REPEATS, 0,
                Ranking.ESCALATIONS, 0, Ranking.MONITORING, 0, Ranking.SPOT_CHECKS, 50, Ranking.ERROR_REPORTS, 0));
        try {
            Actor office = new Actor("test", Role.SUPERVISOR, city + "-OFFICE", OrgKind.OFFICE, city);
            Ranking.Result result = ranking.of(office, 2026);
            assertThat(result.entries()).hasSize(bodies.size() + 1);
            int judged = 0;
            for (Ranking.Entry e : result.entries()) {
                Scorecard year = e.card();
                Double qualified = year.spotChecks().qualifiedRate();
                Double spot = e.components().get(Ranking.SPOT_CHECKS);
                // these bodies have no case: on time counts 100
                if (qualified == null) {
                    assertThat(spot).as(year.key() + " not spot-checked").isNull();
                    assertThat(e.score()).isEqualTo(100.0);
                } else {
                    judged++;
                    assertThat(spot).isEqualTo(Math.round(qualified * 1000) / 10.0);
                    assertThat(e.score()).isEqualTo(Math.round((50 * 100 + 50 * spot) / 100 * 10) / 10.0);
                }
            }
            assertThat(judged).as("some bodies were spot-checked in 2026").isPositive();
            // a client that knows the first five components alone keeps the weights of the sites' in force
            RankingWeights kept = ranking.setWeights(admin, Map.of(Ranking.ON_TIME, 40, Ranking.OVERDUE, 20, Ranking.SPEED, 20,
                    Ranking.REPEATS, 10, Ranking.ESCALATIONS, 10));
            assertThat(kept.spotChecks()).isEqualTo(50);
        } finally {
            Map<String, Integer> restored = new java.util.HashMap<>(before.byComponent());
            ranking.setWeights(admin, restored);
        }
    }

    @Test
    void theAnnualReportPrintsTheSitesFiguresInItsXlsxAndPdf() throws Exception {
        Actor office = new Actor("test", Role.SUPERVISOR, city + "-OFFICE", OrgKind.OFFICE, city);
        AnnualReport.Report report = annualReport.of(office, 2026);
        Scorecard total = scorecards.total(office, Period.year(2026));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook.annualReport(report, Locale.CHINA)))) {
            Sheet sites = book.getSheetAt(5);
            Row totalRow = sites.getRow(1);
            assertThat(totalRow.getCell(0).getStringCellValue()).isEqualTo("合计");
            for (int i = 0; i < FiguresWorkbook.SITE_COLUMNS.size(); i++) {
                Object expected = FiguresWorkbook.figure(total, FiguresWorkbook.SITE_COLUMNS.get(i));
                if (expected == null) {
                    assertThat(totalRow.getCell(i + 1).getCellType().name()).isEqualTo("BLANK");
                } else {
                    assertThat(totalRow.getCell(i + 1).getNumericCellValue()).as(FiguresWorkbook.SITE_COLUMNS.get(i))
                            .isEqualTo(((Number) expected).doubleValue());
                }
            }
            assertThat(sites.getLastRowNum()).isEqualTo(1 + report.regions().size());
            Sheet indicators = book.getSheetAt(6);
            // the monitoring's indicators: what only inspectors judge has no site health
            assertThat(indicators.getLastRowNum()).isEqualTo(PROBED.size());
            for (int i = 0; i < PROBED.size(); i++) {
                String indicator = PROBED.get(i).name();
                assertThat(indicators.getRow(1 + i).getCell(1).getNumericCellValue()).as(indicator)
                        .isEqualTo(total.sites().checkedByIndicator().getOrDefault(indicator, 0L).doubleValue());
                assertThat(indicators.getRow(1 + i).getCell(2).getNumericCellValue()).as(indicator)
                        .isEqualTo(total.sites().passingByIndicator().getOrDefault(indicator, 0L).doubleValue());
            }
        }
        String text = Poppler.layoutText(documents.annualReport(office, report)).replaceAll("[ \\t]+", " ");
        assertThat(text).contains("五、网站监测、抽查与找错", "六、各项监测指标达标情况");
        StringBuilder totalLine = new StringBuilder("合计");
        FiguresWorkbook.SITE_COLUMNS.forEach(col -> totalLine.append(" ")
                .append(new FigureText().of(col, FiguresWorkbook.figure(total, col))));
        assertThat(text).contains(totalLine.toString());
    }

    private static boolean in(Period period, Instant at) {
        return at != null && !at.isBefore(period.start()) && at.isBefore(period.end());
    }

    /** Every figure of the sites' components of the card, counted by hand over the generated rows of the sites chosen. */
    private void assertHandCount(Scorecard card, Predicate<Site> chosen) {
        List<Check> watched = checks.stream().filter(c -> c.site().watched() && chosen.test(c.site())).toList();
        Map<Long, List<Check>> bySite = watched.stream().collect(Collectors.groupingBy(c -> c.site().id()));
        long healthy = bySite.values().stream().filter(l -> l.stream().noneMatch(c -> c.status().equals("FAIL"))).count();
        assertThat(card.sites().monitored()).as(card.key() + " monitored").isEqualTo(bySite.size());
        assertThat(card.sites().healthy()).as(card.key() + " healthy").isEqualTo(healthy);
        assertThat(card.sites().healthyRate()).isEqualTo(bySite.isEmpty() ? null : (double) healthy / bySite.size());
        List<Check> judged = watched.stream().filter(c -> !c.status().equals("INCONCLUSIVE")).toList();
        assertThat(card.sites().checkedByIndicator()).as(card.key() + " judged").isEqualTo(judged.stream()
                .collect(Collectors.groupingBy(Check::indicator, TreeMap::new, Collectors.counting())));
        assertThat(card.sites().passingByIndicator()).as(card.key() + " passing").isEqualTo(judged.stream()
                .collect(Collectors.groupingBy(Check::indicator, TreeMap::new,
                        Collectors.summingLong(c -> c.status().equals("PASS") ? 1 : 0))));

        List<SpotCheck> finals = spotChecks.stream().filter(s -> chosen.test(s.site()) && s.status().equals("FINAL")
                && in(PERIOD, s.finalisedAt())).toList();
        assertThat(card.spotChecks().checked()).as(card.key() + " spot checks").isEqualTo(finals.size());
        assertThat(card.spotChecks().qualified()).isEqualTo(finals.stream().filter(SpotCheck::qualified).count());
        assertThat(card.spotChecks().vetoed()).isEqualTo(finals.stream().filter(SpotCheck::vetoed).count());
        assertThat(card.spotChecks().qualifiedRate()).isEqualTo(finals.isEmpty() ? null
                : (double) finals.stream().filter(SpotCheck::qualified).count() / finals.size());
        assertThat(card.spotChecks().meanScore()).isEqualTo(finals.isEmpty() ? null
                : finals.stream().map(SpotCheck::score).reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(BigDecimal.valueOf(finals.size()), 2, RoundingMode.HALF_UP).doubleValue());

        List<ErrorReport> received = reports.stream().filter(r -> chosen.test(r.site()) && in(PERIOD, r.received())).toList();
        long forwarded = received.stream().filter(ErrorReport::forwarded).count();
        long onTime = received.stream().filter(r -> Boolean.TRUE.equals(r.onTime())).count();
        assertThat(card.errorReports().received()).as(card.key() + " reports").isEqualTo(received.size());
        assertThat(card.errorReports().forwarded()).isEqualTo(forwarded);
        assertThat(card.errorReports().replied()).isEqualTo(received.stream().filter(ErrorReport::replied).count());
        assertThat(card.errorReports().repliedOnTime()).isEqualTo(onTime);
        assertThat(card.errorReports().overdue()).isEqualTo(received.stream().filter(ErrorReport::overdue).count());
        assertThat(card.errorReports().onTimeRate()).isEqualTo(forwarded == 0 ? null : (double) onTime / forwarded);
    }
}
