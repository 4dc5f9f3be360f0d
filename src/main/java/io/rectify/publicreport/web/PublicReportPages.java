package io.rectify.publicreport.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.rectify.directory.Actor;
import io.rectify.form.web.FormView;
import io.rectify.kernel.FieldProblem;
import io.rectify.kernel.InvalidInputException;
import io.rectify.kernel.TooManyRequestsException;
import io.rectify.publicreport.NationalMessageFiles;
import io.rectify.publicreport.PublicReport;
import io.rectify.publicreport.PublicReportFigures;
import io.rectify.publicreport.PublicReportSettings;
import io.rectify.publicreport.PublicReports;
import io.rectify.publicreport.ReportStatus;
import io.rectify.system.security.PublicFormThrottle;
import io.rectify.system.web.CurrentActor;
import io.rectify.system.web.PageController;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The pages of public error reports: the public form and lookup (no login, no JavaScript), and for
 * the offices and bodies the list with the import of the national platform's files, and the figures.
 * One report's page with its steps is the workflow module's ({@code /public-reports/{id}}).
 */
@PageController
class PublicReportPages {

    static final String VIEW_FORM = "public/report";
    static final String VIEW_TRACK = "public/track";
    static final String VIEW_LIST = "reports/list";
    static final String VIEW_FIGURES = "reports/figures";
    private static final List<String> FIELDS = List.of("siteUrl", "pageUrl", "description", "contact", "website");

    private final PublicReports reports;
    private final PublicReportFigures figures;
    private final PublicFormThrottle throttle;
    private final PublicReportSettings settings;
    private final MessageSource messages;
    private final CurrentActor currentActor;

    PublicReportPages(PublicReports reports, PublicReportFigures figures, PublicFormThrottle throttle,
                      PublicReportSettings settings, MessageSource messages, CurrentActor currentActor) {
        this.reports = reports;
        this.figures = figures;
        this.throttle = throttle;
        this.settings = settings;
        this.messages = messages;
        this.currentActor = currentActor;
    }

    @PreAuthorize("permitAll()")
    @GetMapping("/public/report")
    String form(Model model) {
        return form(Map.of(), List.of(), model, Locale.ROOT);
    }

    @PreAuthorize("permitAll()")
    @PostMapping("/public/report")
    String submit(@RequestParam Map<String, String> params, HttpServletRequest request, HttpServletResponse response,
                  Model model, Locale locale) {
        Map<String, String> values = new LinkedHashMap<>();
        FIELDS.forEach(field -> values.put(field, params.getOrDefault(field, "")));
        try {
            throttle.acquire(request.getRemoteAddr(), settings.submissionsPerAddress(), settings.submissionWindow());
        } catch (TooManyRequestsException e) {
            response.setStatus(429);
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
            model.addAttribute("throttled", true);
            return form(values, List.of(), model, locale);
        }
        try {
            PublicReportApi.honeypot(values.get("website"));
            PublicReport stored = reports.submit(new PublicReports.Submission(values.get("siteUrl"), values.get("pageUrl"),
                    values.get("description"), values.get("contact")));
            return "redirect:/public/track?received&number=" + stored.trackingNumber();
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(values, e.problems(), model, locale);
        }
    }

    private String form(Map<String, String> values, List<FieldProblem> problems, Model model, Locale locale) {
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        List<FormView.ErrorLink> errors = new ArrayList<>();
        for (FieldProblem problem : problems) {
            String message = messages.getMessage(problem.code(), problem.args().toArray(), problem.defaultMessage(), locale);
            if (fieldErrors.putIfAbsent(problem.field(), message) == null) {
                String label = messages.getMessage("publicReport.field." + problem.field(), null, problem.field(), locale);
                errors.add(new FormView.ErrorLink(problem.field().equals("website") ? "description" : problem.field(),
                        label, message));
            }
        }
        model.addAttribute("sites", reports.sites());
        model.addAttribute("values", values);
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("errors", errors);
        model.addAttribute("maxDescription", PublicReports.MAX_DESCRIPTION);
        model.addAttribute("throttled", model.containsAttribute("throttled"));
        return VIEW_FORM;
    }

    @PreAuthorize("permitAll()")
    @GetMapping("/public/track")
    String track(@RequestParam(required = false) String number, @RequestParam(required = false) String received,
                 Model model) {
        String asked = number == null || number.isBlank() ? null : number.strip();
        model.addAttribute("number", asked);
        model.addAttribute("received", received != null);
        model.addAttribute("view", asked == null ? null : reports.lookup(asked).orElse(null));
        return VIEW_TRACK;
    }

    @GetMapping("/public-reports")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'SUPERVISION', 'RESPONDER')")
    String list(@RequestParam(required = false) ReportStatus status, Model model) {
        Actor actor = currentActor.get();
        model.addAttribute("status", status);
        model.addAttribute("statuses", ReportStatus.values());
        model.addAttribute("reports", reports.list(actor, status, 200).stream()
                .map(r -> PublicReportApi.ReportView.of(r, PublicReports.readsContact(actor, r))).toList());
        model.addAttribute("canImport", actor.role() == io.rectify.directory.Role.SUPERVISOR);
        model.addAttribute("figuresVisible", actor.role() == io.rectify.directory.Role.SUPERVISOR);
        if (!model.containsAttribute("importErrors")) {
            model.addAttribute("importErrors", List.of());
        }
        return VIEW_LIST;
    }

    @PostMapping("/public-reports/import")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String importFile(@RequestParam(name = "file", required = false) MultipartFile file, Model model, Locale locale,
                      HttpServletResponse response) {
        try {
            if (file == null || file.isEmpty()) {
                throw InvalidInputException.of("file", "publicReport.import.empty", "请选择一个文件");
            }
            PublicReports.ImportResult result = reports.importMessages(currentActor.get(),
                    NationalMessageFiles.read(file.getOriginalFilename(), file.getBytes()));
            model.addAttribute("imported", result);
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("importErrors", e.problems().stream()
                    .map(p -> p.field() + ": " + messages.getMessage(p.code(), p.args().toArray(), p.defaultMessage(), locale))
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return list(null, model);
    }

    @GetMapping("/public-reports/figures")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String figures(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                   Model model, Locale locale, HttpServletResponse response) {
        LocalDate today = reports.today();
        LocalDate start = from == null ? today.withDayOfYear(1) : from;
        LocalDate end = to == null ? today : to;
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        try {
            model.addAttribute("figures", figures.of(currentActor.get(), start, end));
            model.addAttribute("periodError", null);
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            FieldProblem p = e.problems().get(0);
            model.addAttribute("figures", null);
            model.addAttribute("periodError", messages.getMessage(p.code(), p.args().toArray(), p.defaultMessage(), locale));
        }
        return VIEW_FIGURES;
    }
}
