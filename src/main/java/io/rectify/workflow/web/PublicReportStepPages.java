package io.rectify.workflow.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.casefile.RectificationCase;
import io.rectify.category.Categories;
import io.rectify.directory.Actor;
import io.rectify.directory.Role;
import io.rectify.form.web.FormViews;
import io.rectify.kernel.FieldProblem;
import io.rectify.kernel.InvalidInputException;
import io.rectify.publicreport.PublicReport;
import io.rectify.publicreport.PublicReports;
import io.rectify.publicreport.ReportStatus;
import io.rectify.system.web.CurrentActor;
import io.rectify.system.web.PageController;
import io.rectify.workflow.PublicReportSteps;
import io.rectify.workflow.StepNames;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One public error report as a page: what was reported (the contact masked unless the reader is the
 * triaging office), how it was handled, the caller's open step as its form from {@code forms/}, and
 * for an office the case to open from it. A refused step comes back with the values as typed.
 */
@PageController
class PublicReportStepPages {

    static final String VIEW = "reports/report";

    private final PublicReports reports;
    private final PublicReportSteps steps;
    private final Categories categories;
    private final StepNames stepNames;
    private final MessageSource messages;
    private final CurrentActor currentActor;

    PublicReportStepPages(PublicReports reports, PublicReportSteps steps, Categories categories, StepNames stepNames,
                      MessageSource messages, CurrentActor currentActor) {
        this.reports = reports;
        this.steps = steps;
        this.categories = categories;
        this.stepNames = stepNames;
        this.messages = messages;
        this.currentActor = currentActor;
    }

    @GetMapping("/public-reports/{id}")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'SUPERVISION', 'RESPONDER')")
    String report(@PathVariable String id, Model model, Locale locale) {
        return page(id, Map.of(), List.of(), model, locale);
    }

    @PostMapping("/public-reports/{id}/steps/{taskKey}")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'RESPONDER')")
    String step(@PathVariable String id, @PathVariable String taskKey, @RequestParam Map<String, String> params,
                Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, String> values = FormViews.fieldValues(params);
        try {
            steps.complete(currentActor.get(), id, taskKey, values);
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(id, values, e.problems(), model, locale);
        }
        redirect.addFlashAttribute("flash", "publicReport.step.done");
        return "redirect:/public-reports/" + id;
    }

    @PostMapping("/public-reports/{id}/case")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String openCase(@PathVariable String id, @RequestParam(required = false) String categoryCode, Model model,
                    Locale locale, HttpServletResponse response) {
        try {
            RectificationCase opened = reports.openCase(currentActor.get(), id, categoryCode);
            return "redirect:/cases/" + opened.id();
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            FieldProblem p = e.problems().get(0);
            model.addAttribute("caseError", messages.getMessage(p.code(), p.args().toArray(), p.defaultMessage(), locale));
            return page(id, Map.of(), List.of(), model, locale);
        }
    }

    private String page(String id, Map<String, String> values, List<FieldProblem> errors, Model model, Locale locale) {
        Actor actor = currentActor.get();
        PublicReport report = reports.get(actor, id);
        List<String> open = steps.openFor(actor, id);
        model.addAttribute("r", report);
        model.addAttribute("contactMasked", !PublicReports.readsContact(actor, report));
        model.addAttribute("receivedAt", local(report.receivedAt()));
        model.addAttribute("repliedAt", local(report.repliedAt()));
        model.addAttribute("stepKey", open.isEmpty() ? null : open.get(0));
        model.addAttribute("stepName", open.isEmpty() ? null : stepNames.of(open.get(0), open.get(0), locale));
        model.addAttribute("form", open.isEmpty() ? null
                : FormViews.of(steps.form(open.get(0)), values, errors, messages, locale));
        boolean canOpenCase = actor.role() == Role.SUPERVISOR && report.caseId() == null
                && report.status() != ReportStatus.REJECTED && report.status() != ReportStatus.DUPLICATE;
        model.addAttribute("canOpenCase", canOpenCase);
        model.addAttribute("categories", canOpenCase ? categories.all() : List.of());
        if (!model.containsAttribute("caseError")) {
            model.addAttribute("caseError", null);
        }
        return VIEW;
    }

    private static OffsetDateTime local(Instant instant) {
        return instant == null ? null : instant.atZone(WorkingDayCalendar.ZONE).toOffsetDateTime();
    }
}
