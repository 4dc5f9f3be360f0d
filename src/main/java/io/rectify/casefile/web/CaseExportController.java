package io.rectify.casefile.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.casefile.CaseExport;
import io.rectify.casefile.CaseFilter;
import io.rectify.casefile.CaseService;
import io.rectify.casefile.CaseStatus;
import io.rectify.category.Categories;
import io.rectify.category.Category;
import io.rectify.directory.Actor;
import io.rectify.directory.Directory;
import io.rectify.directory.Organization;
import io.rectify.system.security.ExportThrottle;
import io.rectify.system.web.CurrentActor;
import io.rectify.system.web.ExportFormat;
import io.rectify.system.web.ExportSettings;
import io.rectify.system.web.TableFile;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.lang3.StringUtils;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The case list as a file for the office's leadership: XLSX or CSV, every case the caller may see
 * that matches the filters of {@code GET /api/cases} (and the list page's text filter {@code q}),
 * newest first, with the header row and the words (status, category, body, yes/no) in the caller's
 * language. Throttled as every export, audited, refused with a 400 when one file cannot hold it;
 * the rows go from the database cursor straight onto the response.
 */
@RestController
@RequestMapping("/api/cases")
class CaseExportController {

    static final List<String> COLUMNS = List.of("number", "title", "category", "respondent", "website", "status",
            "orderedOn", "deadline", "workingDays", "escalated", "outcome", "closedOn");

    private final CaseExport export;
    private final CaseService cases;
    private final ExportThrottle throttle;
    private final ExportSettings settings;
    private final WorkingDayCalendar calendar;
    private final Categories categories;
    private final Directory directory;
    private final MessageSource messages;
    private final CurrentActor currentActor;

    CaseExportController(CaseExport export, CaseService cases, ExportThrottle throttle, ExportSettings settings,
                         WorkingDayCalendar calendar, Categories categories, Directory directory,
                         MessageSource messages, CurrentActor currentActor) {
        this.export = export;
        this.cases = cases;
        this.throttle = throttle;
        this.settings = settings;
        this.calendar = calendar;
        this.categories = categories;
        this.directory = directory;
        this.messages = messages;
        this.currentActor = currentActor;
    }

    @PreAuthorize("isAuthenticated()")
    @GetMapping("/export")
    void export(@RequestParam(required = false) String format,
                @RequestParam(required = false) CaseStatus status,
                @RequestParam(required = false) String categoryCode,
                @RequestParam(required = false) String respondentOrgCode,
                @RequestParam(required = false) Boolean escalated,
                @RequestParam(required = false) Boolean overdue,
                @RequestParam(required = false) String q,
                Locale locale, HttpServletResponse response) throws IOException {
        ExportFormat as = ExportFormat.of(format);
        Actor actor = currentActor.get();
        CaseFilter filter = new CaseFilter(status, StringUtils.trimToNull(categoryCode),
                StringUtils.trimToNull(respondentOrgCode), escalated, overdue, StringUtils.trimToNull(q));
        throttle.acquire(actor.username());
        LocalDate today = cases.today();
        long limit = settings.limit(as);
        // counted, refused when over the limit, audited: all before the first byte goes out
        export.admit(actor, filter, today, as.extension(), limit);

        response.setContentType(as.mediaType().toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("cases-" + today + "." + as.extension(), StandardCharsets.UTF_8).build().toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        Words words = new Words(locale);
        OutputStream out = response.getOutputStream();
        try (TableFile file = as.open(out, text("export.cases.sheet", locale))) {
            file.header(COLUMNS.stream().map(c -> text("export.cases.col." + c, locale)).toList());
            export.forEach(actor, filter, today, limit, row -> file.row(words.cells(row, today)));
        }
        out.flush();
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    /** The words of a row in the caller's language, each looked up once per export. */
    private final class Words {

        private final Locale locale;
        private final Map<String, String> categoryNames;
        private final Map<String, String> bodyNames;
        private final Map<String, String> said = new HashMap<>();
        private final Map<LocalDate, Integer> daysLeft = new HashMap<>();

        Words(Locale locale) {
            this.locale = locale;
            boolean english = "en".equals(locale.getLanguage());
            this.categoryNames = categories.all().stream().collect(Collectors.toMap(Category::code,
                    c -> c.code() + " " + (english ? c.nameEn() : c.nameZh()), (a, b) -> a));
            this.bodyNames = directory.organizations().stream().collect(Collectors.toMap(Organization::code,
                    o -> english ? o.nameEn() : o.nameZh(), (a, b) -> a));
        }

        List<Object> cells(CaseExport.Row row, LocalDate today) {
            List<Object> cells = new ArrayList<>(COLUMNS.size());
            cells.add(row.caseNumber());
            cells.add(row.title());
            cells.add(categoryNames.getOrDefault(row.categoryCode(), row.categoryCode()));
            cells.add(bodyNames.getOrDefault(row.respondentOrgCode(), row.respondentOrgCode()));
            cells.add(row.websiteUrl());
            cells.add(word("status." + row.status().name()));
            cells.add(row.orderedOn());
            cells.add(row.deadline());
            cells.add(workingDays(row, today));
            cells.add(word(row.escalated() ? "cases.yes" : "cases.no"));
            cells.add(row.outcome() == null ? null : word("outcome." + row.outcome().name()));
            cells.add(row.closedOn());
            return cells;
        }

        /**
         * While an order runs: the working days left to its deadline (0 on the day itself), negative
         * when overdue, as the countdown on the pages; empty otherwise.
         */
        private Integer workingDays(CaseExport.Row row, LocalDate today) {
            if (row.status() != CaseStatus.ORDERED || row.deadline() == null) {
                return null;
            }
            return daysLeft.computeIfAbsent(row.deadline(), deadline -> calendar.workingDaysUntil(today, deadline));
        }

        private String word(String key) {
            return said.computeIfAbsent(key, k -> text(k, locale));
        }
    }
}
