package io.rectify.inspection.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.rectify.directory.Actor;
import io.rectify.inspection.Answer;
import io.rectify.inspection.Campaign;
import io.rectify.inspection.CampaignReports;
import io.rectify.inspection.Campaigns;
import io.rectify.inspection.Checklist;
import io.rectify.inspection.ChecklistItem;
import io.rectify.inspection.Checklists;
import io.rectify.inspection.CircularDocuments;
import io.rectify.inspection.Circulars;
import io.rectify.inspection.Inspections;
import io.rectify.inspection.SiteInspection;
import io.rectify.kernel.FieldProblem;
import io.rectify.kernel.InvalidInputException;
import io.rectify.system.web.CurrentActor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import io.rectify.system.web.ExportFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Spot-check campaigns and their inspection forms (API.md "Inspections", and what it leaves to us). */
@RestController
@RequestMapping("/api/inspections")
class CampaignController {

    private final Campaigns campaigns;
    private final Inspections inspections;
    private final Checklists checklists;
    private final Circulars circulars;
    private final CampaignReports reports;
    private final ResultsWorkbook workbook;
    private final CurrentActor currentActor;

    CampaignController(Campaigns campaigns, Inspections inspections, Checklists checklists, Circulars circulars,
                       CampaignReports reports, ResultsWorkbook workbook, CurrentActor currentActor) {
        this.campaigns = campaigns;
        this.inspections = inspections;
        this.checklists = checklists;
        this.circulars = circulars;
        this.reports = reports;
        this.workbook = workbook;
        this.currentActor = currentActor;
    }

    record StartRequest(String name, Object periodFrom, Object periodTo, Object samplingRatio, Object seed,
                        String regionCode, Object sampleSize) {

        Campaigns.NewCampaign validated() {
            List<FieldProblem> problems = new ArrayList<>();
            var command = new Campaigns.NewCampaign(name, Fields.date(periodFrom, "periodFrom", problems),
                    Fields.date(periodTo, "periodTo", problems),
                    toDouble(Fields.number(samplingRatio, "samplingRatio", problems)),
                    Fields.whole(seed, "seed", problems), regionCode,
                    toInt(Fields.whole(sampleSize, "sampleSize", problems)));
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            return command;
        }

        private static Double toDouble(BigDecimal number) {
            return number == null ? null : number.doubleValue();
        }

        private static Integer toInt(Long number) {
            return number == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, number));
        }
    }

    @PreAuthorize("hasRole('SUPERVISOR')")
    @PostMapping("/campaigns")
    ResponseEntity<Map<String, Object>> start(@RequestBody StartRequest request) {
        Actor actor = currentActor.get();
        Campaign campaign = campaigns.start(actor, request.validated());
        return ResponseEntity.created(URI.create("/api/inspections/campaigns/" + campaign.id()))
                .body(view(campaign, campaigns.sites(campaign.id())));
    }

    @PreAuthorize("isAuthenticated()")
    @GetMapping("/campaigns")
    List<Map<String, Object>> list() {
        return campaigns.list(currentActor.get()).stream().map(CampaignController::summary).toList();
    }

    @PreAuthorize("isAuthenticated()")
    @GetMapping("/campaigns/{id}")
    Map<String, Object> get(@PathVariable long id) {
        Campaign campaign = campaigns.visible(currentActor.get(), id);
        return view(campaign, campaigns.sites(id));
    }

    @PreAuthorize("hasRole('SUPERVISOR')")
    @PostMapping("/campaigns/{id}/close")
    Map<String, Object> close(@PathVariable long id) {
        Campaign campaign = campaigns.close(currentActor.get(), id);
        return view(campaign, campaigns.sites(id));
    }

    @PreAuthorize("hasRole('SUPERVISOR')")
    @GetMapping("/campaigns/{id}/failed-items")
    List<Inspections.FailedItem> failedItems(@PathVariable long id) {
        campaigns.visible(currentActor.get(), id);
        return inspections.failedItems(id);
    }

    /** Issues the campaign's 通报 (once, after it closed): 201 with its entry; the rules are in {@code Circulars#issue}. */
    @PreAuthorize("hasRole('SUPERVISOR')")
    @PostMapping("/campaigns/{id}/tongbao")
    ResponseEntity<Map<String, Object>> issueTongbao(@PathVariable long id) {
        CircularDocuments.Issued issued = circulars.issue(currentActor.get(), id);
        return ResponseEntity.created(URI.create("/api/inspections/campaigns/" + id + "/tongbao.pdf")).body(tongbaoView(issued));
    }

    @PreAuthorize("isAuthenticated()")
    @GetMapping("/campaigns/{id}/tongbao.pdf")
    ResponseEntity<byte[]> tongbao(@PathVariable long id) {
        CircularDocuments.Issued issued = circulars.read(currentActor.get(), id);
        return download(issued.fileName(), MediaType.APPLICATION_PDF, issued.bytes());
    }

    @PreAuthorize("isAuthenticated()")
    @GetMapping("/campaigns/{id}/results.xlsx")
    ResponseEntity<byte[]> results(@PathVariable long id, java.util.Locale locale) {
        return download("campaign-" + id + "-results.xlsx", ExportFormat.XLSX.mediaType(),
                workbook.of(reports.of(currentActor.get(), id), locale));
    }

    static ResponseEntity<byte[]> download(String fileName, MediaType type, byte[] bytes) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(bytes);
    }

    static Map<String, Object> tongbaoView(CircularDocuments.Issued issued) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", issued.id());
        view.put("number", issued.number());
        view.put("title", issued.title());
        view.put("issuedAt", issued.issuedAt());
        view.put("issuedBy", issued.issuedBy());
        view.put("sha256", issued.sha256());
        view.put("size", issued.size());
        return view;
    }

    @PreAuthorize("isAuthenticated()")
    @GetMapping("/campaigns/{id}/sites/{websiteId}")
    Map<String, Object> form(@PathVariable long id, @PathVariable long websiteId) {
        return formView(inspections.form(currentActor.get(), id, websiteId));
    }

    record EntryRequest(Boolean noPublicService, List<AnswerRequest> answers) {
    }

    record AnswerRequest(String itemCode, String result, Object points, String evidence, String attachment) {
    }

    @PreAuthorize("hasRole('SUPERVISOR')")
    @PutMapping("/campaigns/{id}/sites/{websiteId}")
    Map<String, Object> save(@PathVariable long id, @PathVariable long websiteId, @RequestBody EntryRequest request) {
        return formView(inspections.save(currentActor.get(), id, websiteId,
                new Inspections.Entry(request.noPublicService(), answers(request.answers()))));
    }

    record AssignRequest(String inspector, String reviewer) {
    }

    @PreAuthorize("hasRole('SUPERVISOR')")
    @PostMapping("/campaigns/{id}/sites/{websiteId}/assign")
    Map<String, Object> assign(@PathVariable long id, @PathVariable long websiteId, @RequestBody AssignRequest request) {
        return siteView(inspections.assign(currentActor.get(), id, websiteId, request.inspector(), request.reviewer()));
    }

    record ReviewRequest(String note, List<AnswerRequest> answers) {
    }

    @PreAuthorize("hasRole('SUPERVISOR')")
    @PostMapping("/campaigns/{id}/sites/{websiteId}/review")
    Map<String, Object> review(@PathVariable long id, @PathVariable long websiteId, @RequestBody ReviewRequest request) {
        return formView(inspections.review(currentActor.get(), id, websiteId, request.note(), answers(request.answers())));
    }

    @PreAuthorize("hasRole('SUPERVISOR')")
    @PostMapping("/campaigns/{id}/sites/{websiteId}/finalise")
    Map<String, Object> finalise(@PathVariable long id, @PathVariable long websiteId) {
        return formView(inspections.finalise(currentActor.get(), id, websiteId));
    }

    @PreAuthorize("isAuthenticated()")
    @GetMapping("/mine")
    List<Map<String, Object>> mine() {
        return inspections.mine(currentActor.get()).stream().map(CampaignController::siteView).toList();
    }

    @PreAuthorize("isAuthenticated()")
    @GetMapping("/checklists")
    List<Checklist> checklists() {
        return checklists.all();
    }

    static List<Answer> answers(List<AnswerRequest> requests) {
        if (requests == null) {
            return List.of();
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            AnswerRequest r = requests.get(i);
            Answer.Result result = null;
            if (r.result() != null && !r.result().isBlank()) {
                try {
                    result = Answer.Result.valueOf(r.result().strip().toUpperCase(java.util.Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problems.add(FieldProblem.of("answers[" + i + "].result", "inspection.answer.result", "结果须为 PASS 或 FAIL"));
                }
            }
            answers.add(new Answer(r.itemCode(), result, Fields.number(r.points(), "answers[" + i + "].points", problems),
                    r.evidence(), r.attachment(), false));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return answers;
    }

    static Map<String, Object> summary(Campaign c) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", c.id());
        view.put("name", c.name());
        view.put("status", c.status());
        view.put("periodFrom", c.periodFrom());
        view.put("periodTo", c.periodTo());
        view.put("regionCode", c.regionCode());
        view.put("officeCode", c.officeCode());
        view.put("samplingRatio", c.samplingRatio().stripTrailingZeros());
        view.put("seed", c.seed());
        view.put("population", c.population());
        view.put("createdAt", c.createdAt());
        view.put("closedAt", c.closedAt());
        return view;
    }

    static Map<String, Object> view(Campaign c, List<SiteInspection> sites) {
        Map<String, Object> view = summary(c);
        view.put("sample", sites.stream().map(SiteInspection::websiteId).toList());
        view.put("results", sites.stream().map(s -> {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("websiteId", s.websiteId());
            result.put("score", s.score());
            result.put("vetoed", s.vetoed());
            result.put("qualified", s.qualified());
            result.put("status", s.status());
            result.put("level", s.level());
            result.put("regionCode", s.regionCode());
            return result;
        }).toList());
        return view;
    }

    static Map<String, Object> siteView(SiteInspection s) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("campaignId", s.campaignId());
        view.put("websiteId", s.websiteId());
        view.put("websiteName", s.websiteName());
        view.put("websiteUrl", s.websiteUrl());
        view.put("orgCode", s.orgCode());
        view.put("regionCode", s.regionCode());
        view.put("level", s.level());
        view.put("status", s.status());
        view.put("noPublicService", s.noPublicService());
        view.put("inspector", s.inspector());
        view.put("reviewer", s.reviewer());
        view.put("reviewNote", s.reviewNote());
        view.put("score", s.score());
        view.put("vetoed", s.vetoed());
        view.put("qualified", s.qualified());
        view.put("finalisedAt", s.finalisedAt());
        return view;
    }

    static Map<String, Object> formView(Inspections.Form form) {
        Map<String, Object> view = siteView(form.inspection());
        view.put("checklistVersion", form.checklist().version());
        List<Map<String, Object>> items = new ArrayList<>();
        for (ChecklistItem item : form.checklist().items()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("code", item.code());
            row.put("part", item.part());
            row.put("title", item.title());
            row.put("rule", item.rule());
            row.put("maxPoints", item.maxPoints());
            row.put("editable", item.editable());
            row.put("applies", item.appliesTo(form.inspection().noPublicService()));
            row.put("indicator", item.indicator());
            Answer answer = form.answers().get(item.code());
            row.put("result", answer == null ? null : answer.result());
            row.put("points", answer == null ? null : answer.points());
            row.put("evidence", answer == null ? null : answer.evidence());
            row.put("attachment", answer == null ? null : answer.attachment());
            row.put("prefilled", answer != null && answer.prefilled());
            items.add(row);
        }
        view.put("items", items);
        Map<String, Object> preview = new LinkedHashMap<>();
        preview.put("vetoed", form.preview().vetoed());
        preview.put("vetoItems", form.preview().vetoItems());
        preview.put("deductionPart", form.preview().deductionPart());
        preview.put("bonus", form.preview().bonus());
        preview.put("score", form.preview().score());
        preview.put("qualified", form.preview().qualified());
        view.put("preview", preview);
        return view;
    }
}
