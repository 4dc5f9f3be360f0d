package io.rectify.publicreport;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.directory.Directory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A few public error reports on the demo sites (default profile only), so the list and the figures
 * are not empty: two from the public page and two forwarded by the national platform, all waiting
 * for the office's triage. Written once, after the demo bodies and sites (at application ready).
 */
@Component
@ConditionalOnProperty(name = "rectify.demo", havingValue = "true")
class PublicReportDemoData {

    private static final Logger log = LoggerFactory.getLogger(PublicReportDemoData.class);

    private final PublicReports reports;
    private final Directory directory;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PublicReportDemoData(PublicReports reports, Directory directory, JdbcTemplate jdbc, TransactionTemplate transaction,
                         Clock clock) {
        this.reports = reports;
        this.directory = directory;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        Integer existing = jdbc.queryForObject("select count(*) from public_report", Integer.class);
        if (existing == null || existing > 0 || directory.actor("nc.office").isEmpty()) {
            return;
        }
        try {
            transaction.executeWithoutResult(status -> {
                // the national messages first: their ids are unique, so of two nodes seeding at once one
                // fails here, before anything else, and its whole transaction rolls back
                OffsetDateTime yesterday = clock.instant().minus(Duration.ofDays(1)).atZone(WorkingDayCalendar.ZONE)
                        .toOffsetDateTime().withNano(0);
                reports.importMessages(directory.actor("jx.office").orElseThrow(), List.of(
                        new PublicReports.NationalMessage(2, "DEMO-ZC-0001", yesterday.toString(),
                                "https://jyj.ganzhou.gov.cn", "https://jyj.ganzhou.gov.cn/xxgk/2026/notice.html",
                                "通知正文中的日期写成了 2062 年。", "zhang.san@example.com"),
                        new PublicReports.NationalMessage(3, "DEMO-ZC-0002", yesterday.toString(),
                                "https://www.jiangxi.gov.cn", "https://www.jiangxi.gov.cn/bsfw/",
                                "办事服务页面“社保查询”入口链接到了已关闭的旧系统。", null)));
                reports.submit(new PublicReports.Submission("https://jyj.nc.gov.cn",
                        "https://jyj.nc.gov.cn/zsks/index.html", "“招生考试”栏目首页的咨询电话 0791-8888888 是空号，打不通。",
                        "13800138000"));
                reports.submit(new PublicReports.Submission("https://www.jxedu.gov.cn", "https://www.jxedu.gov.cn/zwgk/",
                        "政务公开目录中“财政预决算”链接打开后显示 404。", null));
            });
        } catch (DataIntegrityViolationException e) {
            log.info("demo: another node wrote the public error reports");
            return;
        }
        log.info("demo: four public error reports written");
    }
}
