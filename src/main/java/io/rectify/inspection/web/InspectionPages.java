package io.rectify.inspection.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.rectify.directory.Actor;
import io.rectify.inspection.Answer;
import io.rectify.inspection.Campaign;
import io.rectify.inspection.CampaignReports;
import io.rectify.inspection.Campaigns;
import io.rectify.inspection.ChecklistItem;
import io.rectify.inspection.ChecklistPart;
import io.rectify.inspection.Circulars;
import io.rectify.inspection.Inspections;
import io.rectify.kernel.FieldProblem;
import io.rectify.kernel.InvalidInputException;
import io.rectify.system.web.CurrentActor;
import io.rectify.system.web.PageController;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The spot-check pages: the campaigns and a new one, a campaign's sample and results, my
 * inspections, the inspection form. Plain forms posted back: no script needed.
 */
@PageController
class InspectionPages {

    static final String VIEW_CAMPAIGNS = "inspections/campaigns";
    static final String VIEW_CAMPAIGN = "inspections/campaign";
    static final String VIEW_MINE = "inspections/mine";
    static final String VIEW_FORM = "inspections/form";

    private final Campaigns campaigns;
    private final CampaignReports reports;
    private final Inspections inspections;
    private final Circulars circulars;
    private final CurrentActor currentActor;

    InspectionPages(Campaigns campaigns, CampaignReports reports, Inspections inspections, Circulars circulars,
                    CurrentActor currentActor) {
        this.campaigns = campaigns;
        this.reports = reports;
        this.inspections = inspections;
        this.circulars = circulars;
        this.currentActor = currentActor;
    }

    @GetMapping("/inspections")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String campaigns(Model model) {
        model.addAttribute("campaigns", campaigns.list(currentActor.get()));
        model.addAttribute("problems", List.of());
        model.addAttribute("ratio", Campaigns.DEFAULT_RATIO);
        return VIEW_CAMPAIGNS;
    }

    @PostMapping("/inspections")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String start(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        Actor actor = currentActor.get();
        try {
            var request = new CampaignController.StartRequest(form.get("name"), form.get("periodFrom"), form.get("periodTo"),
                    form.get("samplingRatio"), form.get("seed"), form.get("regionCode"), form.get("sampleSize"));
            Campaign campaign = campaigns.start(actor, request.validated());
            return "redirect:/inspections/campaigns/" + campaign.id();
        } catch (InvalidInputException invalid) {
            response.setStatus(400);
            model.addAttribute("campaigns", campaigns.list(actor));
            model.addAttribute("problems", invalid.problems());
            model.addAttribute("form", form);
            model.addAttribute("ratio", form.getOrDefault("samplingRatio", String.valueOf(Campaigns.DEFAULT_RATIO)));
            return VIEW_CAMPAIGNS;
        }
    }

    @GetMapping("/inspections/campaigns/{id}")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String campaign(@PathVariable long id, Model model) {
        Actor actor = currentActor.get();
        var report = reports.of(actor, id);
        model.addAttribute("report", report);
        model.addAttribute("tongbao", circulars.of(actor, id).orElse(null));
        model.addAttribute("ofTheOffice", report.campaign().officeCode().equals(actor.orgCode()));
        return VIEW_CAMPAIGN;
    }

    /** 印发通报, once the campaign is closed; the campaign's page then links to it. */
    @PostMapping("/inspections/campaigns/{id}/tongbao")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String issueTongbao(@PathVariable long id) {
        circulars.issue(currentActor.get(), id);
        return "redirect:/inspections/campaigns/" + id;
    }

    @PostMapping("/inspections/campaigns/{id}/close")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String close(@PathVariable long id) {
        campaigns.close(currentActor.get(), id);
        return "redirect:/inspections/campaigns/" + id;
    }

    @GetMapping("/inspections/mine")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String mine(Model model) {
        model.addAttribute("sites", inspections.mine(currentActor.get()));
        return VIEW_MINE;
    }

    @GetMapping("/inspections/campaigns/{id}/sites/{websiteId}")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String form(@PathVariable long id, @PathVariable long websiteId, Model model) {
        model.addAttribute("form", inspections.form(currentActor.get(), id, websiteId));
        model.addAttribute("problems", List.of());
        return VIEW_FORM;
    }

    @PostMapping("/inspections/campaigns/{id}/sites/{websiteId}")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String save(@PathVariable long id, @PathVariable long websiteId, @RequestParam MultiValueMap<String, String> values,
                Model model, HttpServletResponse response) {
        Actor actor = currentActor.get();
        List<Answer> answers = List.of();
        try {
            Inspections.Form form = inspections.form(actor, id, websiteId);
            answers = answers(form, values);
            if (values.containsKey("review")) {
                inspections.review(actor, id, websiteId, values.getFirst("note"), answers);
            } else {
                inspections.save(actor, id, websiteId, new Inspections.Entry(values.containsKey("noPublicService"), answers));
                if (values.containsKey("finalise")) {
                    inspections.finalise(actor, id, websiteId);
                }
            }
            return "redirect:/inspections/campaigns/" + id + "/sites/" + websiteId;
        } catch (InvalidInputException invalid) {
            response.setStatus(400);
            // the page shows what was posted, not what is stored, so nothing entered is lost
            Inspections.Form stored = inspections.form(actor, id, websiteId);
            Map<String, Answer> shown = new java.util.LinkedHashMap<>(stored.answers());
            answers.forEach(a -> shown.put(a.itemCode(), a));
            model.addAttribute("form", new Inspections.Form(stored.campaign(), stored.inspection(), stored.checklist(),
                    shown, stored.preview()));
            model.addAttribute("problems", invalid.problems());
            return VIEW_FORM;
        }
    }

    /** The answers as the page posts them: result_CODE, points_CODE, evidence_CODE, attachment_CODE per item. */
    private static List<Answer> answers(Inspections.Form form, MultiValueMap<String, String> values) {
        List<Answer> answers = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (ChecklistItem item : form.checklist().items()) {
            String code = item.code();
            String result = values.getFirst("result_" + code);
            String points = values.getFirst("points_" + code);
            String evidence = values.getFirst("evidence_" + code);
            String attachment = values.getFirst("attachment_" + code);
            boolean touched = (result != null && !result.isBlank()) || (points != null && !points.isBlank())
                    || (evidence != null && !evidence.isBlank()) || (attachment != null && !attachment.isBlank());
            if (!touched && !form.answers().containsKey(code)) {
                continue;
            }
            Answer.Result judged = null;
            if ("PASS".equals(result) || "FAIL".equals(result)) {
                judged = Answer.Result.valueOf(result);
            } else if (item.part() == ChecklistPart.BONUS && points != null && !points.isBlank()) {
                judged = Answer.Result.PASS;
            }
            BigDecimal number = Fields.number(points, "points_" + code, problems);
            answers.add(new Answer(code, judged, number, evidence, attachment, false));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return answers;
    }
}
