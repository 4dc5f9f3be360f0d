package io.rectify.publicreport.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.casefile.RectificationCase;
import io.rectify.directory.Actor;
import io.rectify.kernel.InvalidInputException;
import io.rectify.kernel.NotFoundException;
import io.rectify.publicreport.NationalMessageFiles;
import io.rectify.publicreport.PublicReport;
import io.rectify.publicreport.PublicReportFigures;
import io.rectify.publicreport.PublicReportSettings;
import io.rectify.publicreport.PublicReports;
import io.rectify.publicreport.ReportStatus;
import io.rectify.system.security.ExportThrottle;
import io.rectify.system.security.PublicFormThrottle;
import io.rectify.system.web.CurrentActor;
import io.rectify.system.web.ExportFormat;
import io.rectify.system.web.ExportSettings;
import io.rectify.system.web.TableFile;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Public error reports over HTTP: the public intake and lookup (no login), and for the offices and
 * bodies the list, the import of the national platform's files, the export, the figures and the
 * case opened from a report. The steps of the handling are the workflow module's
 * ({@code /api/public-reports/{id}/steps}).
 */
@RestController
class PublicReportApi {

    static final List<String> EXPORT_COLUMNS = List.of("trackingNumber", "nationalId", "receivedAt", "siteUrl", "pageUrl",
            "description", "contact", "status", "dueDate", "overdue", "repliedAt", "repliedOnTime", "caseId");

    private final PublicReports reports;
    private final PublicReportFigures figures;
    private final PublicFormThrottle throttle;
    private final ExportThrottle exports;
    private final PublicReportSettings settings;
    private final ExportSettings exportSettings;
    private final MessageSource messages;
    private final CurrentActor currentActor;

    PublicReportApi(PublicReports reports, PublicReportFigures figures, PublicFormThrottle throttle,
                    ExportThrottle exports, PublicReportSettings settings, ExportSettings exportSettings,
                    MessageSource messages, CurrentActor currentActor) {
        this.reports = reports;
        this.figures = figures;
        this.throttle = throttle;
        this.exports = exports;
        this.settings = settings;
        this.exportSettings = exportSettings;
        this.messages = messages;
        this.currentActor = currentActor;
    }

    /** {@code website} is the honeypot: a field people never see and robots fill in. */
    record NewReport(String siteUrl, String pageUrl, String description, String contact, String website) {
    }

    @PreAuthorize("permitAll()")
    @PostMapping(path = "/public/reports", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> report(@RequestBody NewReport body, HttpServletRequest request) {
        throttle.acquire(request.getRemoteAddr(), settings.submissionsPerAddress(), settings.submissionWindow());
        honeypot(body.website());
        PublicReport stored = reports.submit(new PublicReports.Submission(body.siteUrl(), body.pageUrl(),
                body.description(), body.contact()));
        return Map.of("trackingNumber", stored.trackingNumber());
    }

    @PreAuthorize("permitAll()")
    @GetMapping("/public/reports/{trackingNumber}")
    PublicReports.PublicView lookup(@PathVariable String trackingNumber) {
        return reports.lookup(trackingNumber).orElseThrow(() -> new NotFoundException("tracking number " + trackingNumber));
    }

    static void honeypot(String website) {
        if (website != null && !website.isEmpty()) {
            throw InvalidInputException.of("website", "publicReport.honeypot", "此栏请留空");
        }
    }

    @PreAuthorize("hasAnyRole('SUPERVISOR', 'SUPERVISION', 'RESPONDER')")
    @GetMapping("/api/public-reports")
    List<ReportView> list(@RequestParam(required = false) ReportStatus status,
                          @RequestParam(defaultValue = "200") int size) {
        if (size < 1 || size > 1000) {
            throw InvalidInputException.of("size", "problem.size", "每页条数应为 1 至 1000", 1000);
        }
        Actor actor = currentActor.get();
        return reports.list(actor, status, size).stream().map(r -> ReportView.of(r, PublicReports.readsContact(actor, r)))
                .toList();
    }

    @PreAuthorize("hasAnyRole('SUPERVISOR', 'SUPERVISION', 'RESPONDER')")
    @GetMapping("/api/public-reports/{id}")
    ReportView get(@PathVariable String id) {
        Actor actor = currentActor.get();
        PublicReport report = reports.get(actor, id);
        return ReportView.of(report, PublicReports.readsContact(actor, report));
    }

    /** The national platform's messages, from a CSV, XLSX or JSON file (part {@code file}). */
    @PreAuthorize("hasRole('SUPERVISOR')")
    @PostMapping(path = "/api/public-reports/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    PublicReports.ImportResult importFile(@RequestPart(name = "file", required = false) MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw InvalidInputException.of("file", "publicReport.import.empty", "请选择一个文件");
        }
        try {
            return reports.importMessages(currentActor.get(),
                    NationalMessageFiles.read(file.getOriginalFilename(), file.getBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same messages as JSON: an array of {@code messageId, receivedAt, siteUrl, pageUrl, description, contact}. */
    @PreAuthorize("hasRole('SUPERVISOR')")
    @PostMapping(path = "/api/public-reports/import", consumes = MediaType.APPLICATION_JSON_VALUE)
    PublicReports.ImportResult importJson(@RequestBody byte[] body) {
        return reports.importMessages(currentActor.get(), NationalMessageFiles.read("messages.json", body));
    }

    /**
     * The list as CSV (the default) or XLSX for a spreadsheet, with the header in the caller's
     * language: the contact always masked, whoever exports; throttled, audited and refused with a
     * 400 when one file cannot hold it, as every export.
     */
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'SUPERVISION', 'RESPONDER')")
    @GetMapping("/api/public-reports/export")
    void export(@RequestParam(required = false) String format, @RequestParam(required = false) ReportStatus status,
                Locale locale, HttpServletResponse response) throws IOException {
        ExportFormat as = format == null ? ExportFormat.CSV : ExportFormat.of(format);
        Actor actor = currentActor.get();
        exports.acquire(actor.username());
        List<PublicReport> rows = reports.export(actor, status, as.extension(), exportSettings.limit(as));
        response.setContentType(as.mediaType().toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("public-reports-" + reports.today() + "." + as.extension()).build().toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        OutputStream out = response.getOutputStream();
        try (TableFile file = as.open(out, text("export.publicReports.sheet", locale))) {
            file.header(EXPORT_COLUMNS.stream().map(c -> text("export.publicReports.col." + c, locale)).toList());
            for (PublicReport r : rows) {
                file.row(Arrays.asList(r.trackingNumber(), r.nationalId(), string(local(r.receivedAt())), r.siteUrl(),
                        r.pageUrl(), r.description(), r.contact(),
                        text("publicReport.status." + r.status().name(), locale), r.dueDate(),
                        text(r.overdue() ? "cases.yes" : "cases.no", locale), string(local(r.repliedAt())),
                        r.repliedOnTime() == null ? null : text(r.repliedOnTime() ? "cases.yes" : "cases.no", locale),
                        r.caseId()));
            }
        }
        out.flush();
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    /** The figures of the caller's jurisdiction for reports received from {@code from} to {@code to}, both included. */
    @PreAuthorize("hasRole('SUPERVISOR')")
    @GetMapping("/api/public-reports/stats")
    Map<String, Long> stats(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
        PublicReportFigures.Figures f = figures.of(currentActor.get(), from, to);
        Map<String, Long> body = new LinkedHashMap<>();
        body.put("received", f.received());
        body.put("forwarded", f.forwarded());
        body.put("replied", f.replied());
        body.put("repliedOnTime", f.repliedOnTime());
        body.put("overdue", f.overdue());
        body.put("toCases", f.toCases());
        return body;
    }

    record OpenCaseRequest(String categoryCode) {
    }

    /** A supervisor turns the report into a rectification case (source COMPLAINT, the report as evidence). */
    @PreAuthorize("hasRole('SUPERVISOR')")
    @PostMapping("/api/public-reports/{id}/case")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> openCase(@PathVariable String id, @RequestBody OpenCaseRequest body) {
        RectificationCase opened = reports.openCase(currentActor.get(), id, body.categoryCode());
        return Map.of("caseId", opened.id(), "caseNumber", opened.caseNumber());
    }

    record ReportView(String id, String trackingNumber, String nationalId, String channel, String status,
                      OffsetDateTime receivedAt, String siteUrl, String siteOrgCode, String pageUrl, String description,
                      String contact, boolean contactMasked, String duplicateOf, String triageNote,
                      OffsetDateTime forwardedAt, LocalDate dueDate, boolean overdue, String reply,
                      OffsetDateTime repliedAt, Boolean repliedOnTime, String reviewNote, OffsetDateTime closedAt,
                      String caseId) {

        static ReportView of(PublicReport r, boolean clear) {
            return new ReportView(r.id(), r.trackingNumber(), r.nationalId(), r.channel().name(), r.status().name(),
                    local(r.receivedAt()), r.siteUrl(), r.siteOrgCode(), r.pageUrl(), r.description(), r.contact(),
                    !clear, r.duplicateOf(), r.triageNote(), local(r.forwardedAt()), r.dueDate(), r.overdue(), r.reply(),
                    local(r.repliedAt()), r.repliedOnTime(), r.reviewNote(), local(r.closedAt()), r.caseId());
        }
    }

    static OffsetDateTime local(java.time.Instant instant) {
        return instant == null ? null : instant.atZone(WorkingDayCalendar.ZONE).toOffsetDateTime();
    }

}
