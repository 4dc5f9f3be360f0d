package io.rectify.casefile.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rectify.audit.AuditLog;
import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.casefile.AttachmentService;
import io.rectify.casefile.CaseFilter;
import io.rectify.casefile.CaseFindings;
import io.rectify.casefile.CaseTrail;
import io.rectify.casefile.CaseAccess;
import io.rectify.casefile.CaseOpening;
import io.rectify.casefile.CaseRecord;
import io.rectify.casefile.CaseRecordKind;
import io.rectify.casefile.CaseSearch;
import io.rectify.casefile.CaseDocuments;
import io.rectify.casefile.CaseService;
import io.rectify.casefile.CaseSource;
import io.rectify.casefile.CaseStatus;
import io.rectify.casefile.Evidence;
import io.rectify.casefile.OpenTasks;
import io.rectify.casefile.ProcessSteps;
import io.rectify.casefile.RectificationCase;
import io.rectify.category.Categories;
import io.rectify.category.Category;
import io.rectify.directory.Actor;
import io.rectify.directory.Directory;
import io.rectify.directory.Organization;
import io.rectify.directory.Website;
import io.rectify.directory.Role;
import io.rectify.kernel.FieldProblem;
import io.rectify.form.FormCatalog;
import io.rectify.form.FormDefinition;
import io.rectify.form.FormField;
import io.rectify.form.web.FormView;
import io.rectify.form.web.FormViews;
import io.rectify.kernel.FieldProblem;
import io.rectify.kernel.ConflictException;
import io.rectify.kernel.InvalidInputException;
import io.rectify.kernel.UnsupportedTypeException;
import io.rectify.process.CaseTasks;
import io.rectify.system.web.CurrentActor;
import io.rectify.system.web.PageController;
import io.rectify.system.web.PageText;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.lang3.StringUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case pages: the list with its filters and countdown lights, opening a case, one case with
 * everything that happened to it, evidence uploads and the respondent's extension request. The
 * same services as the API decide who sees and does what.
 */
@PageController
class CasePages {

    static final String VIEW_LIST = "cases/list";
    static final String VIEW_NEW = "cases/new";
    static final String VIEW_CASE = "cases/case";
    static final String VIEW_EXTENSION = "cases/extension";
    static final int PAGE_SIZE = 20;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final List<String> OPEN_FIELDS = List.of("categoryCode", "respondentOrgCode", "title", "description",
            "websiteUrl", "source", "serious", "seriousReason", "evidence");

    private final CaseService cases;
    private final CaseOpening opening;
    private final CaseSearch search;
    /** audit events of the case that tell about sanctions: for those who may read them only */

    private final CaseViews views;
    private final Countdown countdown;
    private final AttachmentService attachments;
    private final FormCatalog forms;
    private final Categories categories;
    private final Directory directory;
    private final OpenTasks openTasks;
    private final ProcessSteps steps;
    private final AuditLog audit;
    private final CaseAccess access;
    private final MessageSource messages;
    private final ObjectMapper json;
    private final CurrentActor currentActor;
    private final CaseDocuments documents;
    private final ObjectProvider<CaseFindings> caseFindings;

    CasePages(CaseService cases, CaseOpening opening, CaseSearch search, CaseViews views, Countdown countdown,
              AttachmentService attachments, FormCatalog forms, Categories categories, Directory directory,
              OpenTasks openTasks, ProcessSteps steps, AuditLog audit, CaseAccess access, MessageSource messages,
              ObjectMapper json, CurrentActor currentActor, CaseDocuments documents,
              ObjectProvider<CaseFindings> caseFindings) {
        this.documents = documents;
        this.cases = cases;
        this.opening = opening;
        this.search = search;
        this.views = views;
        this.countdown = countdown;
        this.attachments = attachments;
        this.forms = forms;
        this.categories = categories;
        this.directory = directory;
        this.openTasks = openTasks;
        this.steps = steps;
        this.audit = audit;
        this.access = access;
        this.messages = messages;
        this.json = json;
        this.currentActor = currentActor;
        this.caseFindings = caseFindings;
    }

    // ---- the list ------------------------------------------------------------------------------

    @GetMapping("/cases")
    @PreAuthorize("isAuthenticated()")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String categoryCode,
                @RequestParam(required = false) String respondentOrgCode, @RequestParam(required = false) String escalated,
                @RequestParam(required = false) String overdue, @RequestParam(required = false) String q,
                @RequestParam(defaultValue = "0") String page, Model model, Locale locale) {
        Actor actor = currentActor.get();
        CaseFilter filter = new CaseFilter(enumOrNull(status), StringUtils.trimToNull(categoryCode),
                StringUtils.trimToNull(respondentOrgCode), yesNo(escalated), "true".equals(overdue) ? Boolean.TRUE : null,
                StringUtils.trimToNull(q));
        int pageNumber = page.matches("\\d{1,6}") ? Integer.parseInt(page) : 0;
        Page<RectificationCase> found = search.search(actor, filter, pageNumber, PAGE_SIZE, cases.today());
        Map<String, String> orgNames = orgNames(locale);
        Map<String, String> categoryNames = categoryNames(locale);
        model.addAttribute("rows", found.getContent().stream()
                .map(c -> new Row(c.id(), c.caseNumber(), c.title(), categoryNames.getOrDefault(c.categoryCode(), c.categoryCode()),
                        orgNames.getOrDefault(c.respondentOrgCode(), c.respondentOrgCode()), c.status().name(),
                        c.deadline() == null ? null : c.deadline().toString(), c.escalated(), countdown.of(c)))
                .toList());
        model.addAttribute("total", found.getTotalElements());
        model.addAttribute("page", pageNumber);
        model.addAttribute("hasPrevious", found.hasPrevious());
        model.addAttribute("hasNext", found.hasNext());
        model.addAttribute("filter", new FilterValues(status == null ? "" : status, categoryCode == null ? "" : categoryCode,
                respondentOrgCode == null ? "" : respondentOrgCode, escalated == null ? "" : escalated,
                "true".equals(overdue), q == null ? "" : q));
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("categories", categoryChoices(locale));
        model.addAttribute("bodies", visibleBodies(actor, locale));
        return VIEW_LIST;
    }

    // ---- opening a case ------------------------------------------------------------------------

    @GetMapping("/cases/new")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String newCase(Model model, Locale locale) {
        return openForm(model, locale, Map.of("source", CaseSource.INSPECTION.name()), Map.of());
    }

    @PostMapping("/cases")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String open(@RequestParam Map<String, String> params, @RequestParam(required = false) MultipartFile evidence,
                Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        Actor actor = currentActor.get();
        boolean serious = "true".equals(params.get("serious"));
        CaseController.OpenCaseRequest request = new CaseController.OpenCaseRequest(params.get("categoryCode"),
                params.get("respondentOrgCode"), params.get("title"), params.get("description"),
                StringUtils.trimToNull(params.get("websiteUrl")), params.get("source"), serious, params.get("seriousReason"));
        List<FieldProblem> problems = new ArrayList<>();
        byte[] evidenceBytes = hasFile(evidence) ? bytes(evidence) : null;
        try {
            request.validated();
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        // a refused file is known before the case is opened: no case without the evidence it was opened with
        if (evidenceBytes != null) {
            evidenceProblem(evidence.getOriginalFilename(), evidenceBytes).ifPresent(problems::add);
        }
        if (problems.isEmpty()) {
            try {
                RectificationCase opened = opening.open(actor, request.validated(), evidenceBytes == null ? List.of()
                        : List.of(new Evidence(evidence.getOriginalFilename(), evidenceBytes)));
                redirect.addFlashAttribute("flash", "flash.caseOpened");
                redirect.addFlashAttribute("flashArg", opened.caseNumber());
                return "redirect:/cases/" + opened.id();
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        response.setStatus(400);
        // a browser cannot refill a file input, and a file kept on the server for a form that may
        // never come back would have to be found and removed later: the page says to choose it again
        model.addAttribute("evidenceAgain", evidenceBytes != null);
        return openForm(model, locale, params, errorsByField(problems, locale));
    }

    private String openForm(Model model, Locale locale, Map<String, String> values, Map<String, String> errors) {
        Actor actor = currentActor.get();
        model.addAttribute("categories", categoryChoices(locale));
        List<Organization> respondents = cases.respondentsFor(actor);
        model.addAttribute("respondents", respondents.stream()
                .map(org -> new Choice(org.code(), name(org, locale))).toList());
        // every respondent's active sites, grouped by body: without JavaScript the groups say whose
        // site is whose, with it the list narrows to the chosen respondent's (js/new-case.js)
        Map<String, List<Choice>> sites = cases.websitesFor(actor).stream().collect(Collectors.groupingBy(
                Website::orgCode, LinkedHashMap::new, Collectors.mapping(w -> new Choice(w.url(), w.name() + " — " + w.url()),
                        Collectors.toList())));
        model.addAttribute("websiteGroups", respondents.stream().filter(org -> sites.containsKey(org.code()))
                .map(org -> new WebsiteGroup(org.code(), name(org, locale), sites.get(org.code()))).toList());
        model.addAttribute("sources", CaseSource.values());
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("errorLinks", OPEN_FIELDS.stream().filter(errors::containsKey)
                .map(field -> new FormView.ErrorLink(FormViews.idOf(field), label(field, locale), errors.get(field)))
                .toList());
        return VIEW_NEW;
    }

    private Map<String, String> errorsByField(List<FieldProblem> problems, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldProblem p : problems) {
            String field = "file".equals(p.field()) ? "evidence" : p.field();
            errors.putIfAbsent(field, PageText.of(p, label(field, locale), messages, locale));
        }
        return errors;
    }

    private java.util.Optional<FieldProblem> evidenceProblem(String name, byte[] content) {
        try {
            attachments.check(name, content);
            return java.util.Optional.empty();
        } catch (InvalidInputException e) {
            FieldProblem p = e.problems().get(0);
            return java.util.Optional.of(new FieldProblem("evidence", p.code(), p.args(), p.defaultMessage()));
        } catch (UnsupportedTypeException e) {
            return java.util.Optional.of(FieldProblem.of("evidence", "page.evidence.type", e.getMessage()));
        }
    }

    private String label(String field, Locale locale) {
        return messages.getMessage("case.field." + field, null, field, locale);
    }

    // ---- one case ------------------------------------------------------------------------------

    @GetMapping("/cases/{id}")
    @PreAuthorize("isAuthenticated()")
    String show(@PathVariable String id, Model model, Locale locale) {
        Actor actor = currentActor.get();
        RectificationCase c = cases.visible(actor, id); // 404 unless the caller may see it
        CaseView view = views.of(actor, c);
        Map<String, String> orgNames = orgNames(locale);
        model.addAttribute("c", view);
        model.addAttribute("light", countdown.of(c));
        model.addAttribute("category", categories.find(c.categoryCode())
                .map(cat -> new Choice(cat.code(), cat.name(locale))).orElse(new Choice(c.categoryCode(), c.categoryCode())));
        model.addAttribute("respondentName", orgNames.getOrDefault(c.respondentOrgCode(), c.respondentOrgCode()));
        model.addAttribute("openerName", orgNames.getOrDefault(c.openedByOrgCode(), c.openedByOrgCode()));
        model.addAttribute("documents", documents.of(id).stream()
                .map(d -> new DocumentRow(d.id(), d.kind(), d.number(), d.title(), when(d.issuedAt()), d.issuedAt().toString(),
                        d.sha256(), d.replaces() != null))
                .toList());
        // 催办: offered to a supervisor of the opening office or above while the order awaits its report
        model.addAttribute("canUrge", c.status() != CaseStatus.CLOSED && cases.mayUrge(actor, c)
                && openTasks.of(id).stream().anyMatch(t -> CaseTasks.RESPOND.equals(t.taskKey())));
        model.addAttribute("urgeMax", CaseService.MAX_URGE_MESSAGE);
        model.addAttribute("myTasks", openTasks.of(actor, id).stream()
                .map(t -> new OpenTasks.OpenTask(t.id(), t.taskKey(), stepName(t.taskKey(), t.name(), locale))).toList());
        boolean findings = access.canSeeReviewFindings(actor, c);
        model.addAttribute("records", records(c, orgNames, locale, findings));
        model.addAttribute("attachments", attachments.of(actor, id).stream()
                .map(a -> new AttachmentRow(a.id(), a.name(), a.sizeBytes(), a.sha256(), a.uploadedBy(), when(a.uploadedAt())))
                .toList());
        model.addAttribute("timeline", timeline(id, locale, findings));
        model.addAttribute("progress", CaseProgress.of(c.status(), c.escalated(), c.reviewStatus()));
        CaseFindings monitoring = caseFindings.getIfAvailable();
        model.addAttribute("monitored", monitoring == null ? null : monitoring.of(id).map(m -> monitored(m, actor)).orElse(null));
        model.addAttribute("showSanctions", actor.role() == Role.SUPERVISION || !view.sanctions().isEmpty());
        model.addAttribute("canRequestExtension", actor.orgCode() != null && actor.orgCode().equals(c.respondentOrgCode())
                && c.status() == CaseStatus.ORDERED && !c.extensionUsed() && c.extensionBarred(cases.today()).isEmpty());
        return VIEW_CASE;
    }

    @PostMapping("/cases/{id}/attachments")
    @PreAuthorize("isAuthenticated()")
    String upload(@PathVariable String id, @RequestParam(required = false) MultipartFile file,
                  RedirectAttributes redirect) {
        Actor actor = currentActor.get();
        cases.visible(actor, id);
        if (!hasFile(file)) {
            redirect.addFlashAttribute("flashError", "flash.noFile");
        } else {
            try {
                var stored = attachments.store(actor, id, file.getOriginalFilename(), bytes(file));
                redirect.addFlashAttribute("flash", "flash.uploaded");
                redirect.addFlashAttribute("flashArg", stored.name());
            } catch (UnsupportedTypeException e) {
                redirect.addFlashAttribute("flashError", "page.evidence.type");
            } catch (InvalidInputException e) {
                redirect.addFlashAttribute("flashError", e.problems().get(0).code());
            }
        }
        return "redirect:/cases/" + id + "#attachments";
    }

    // ---- the extension request -----------------------------------------------------------------

    @GetMapping("/cases/{id}/extension-request")
    @PreAuthorize("isAuthenticated()")
    String extensionForm(@PathVariable String id, Model model, Locale locale) {
        return extensionPage(id, Map.of(), List.of(), model, locale);
    }

    @PostMapping("/cases/{id}/extension-request")
    @PreAuthorize("isAuthenticated()")
    String requestExtension(@PathVariable String id, @RequestParam Map<String, String> params, Model model, Locale locale,
                            HttpServletResponse response, RedirectAttributes redirect) {
        Actor actor = currentActor.get();
        Map<String, String> values = FormViews.fieldValues(params);
        try {
            CaseController.requestExtension(cases, forms, actor, id, values);
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return extensionPage(id, values, e.problems(), model, locale);
        } catch (ConflictException e) {
            if (e.code() == null) {
                throw e;
            }
            // a rule of the case (too late, escalated, asked already): said on the page the person is on
            response.setStatus(409);
            model.addAttribute("refusal", e.code());
            return extensionPage(id, values, List.of(), model, locale);
        }
        redirect.addFlashAttribute("flash", "flash.extensionRequested");
        return "redirect:/cases/" + id;
    }

    private String extensionPage(String id, Map<String, String> values, List<FieldProblem> errors, Model model, Locale locale) {
        Actor actor = currentActor.get();
        RectificationCase c = cases.visible(actor, id);
        model.addAttribute("c", views.of(actor, c));
        model.addAttribute("form", FormViews.of(forms.get(CaseController.EXTENSION_FORM), values, errors, messages, locale));
        if (!model.containsAttribute("refusal")) {
            // said before anything is typed, not only after it was sent
            c.extensionBarred(cases.today()).ifPresent(code -> model.addAttribute("refusal", code));
        }
        return VIEW_EXTENSION;
    }

    // ---- views ---------------------------------------------------------------------------------

    /** The order, the responses, the decisions: the case's own file, with the response's fields labelled by its form. */
    private List<RecordRow> records(RectificationCase c, Map<String, String> orgNames, Locale locale, boolean findings) {
        FormDefinition respondForm = forms.find("respond-" + c.categoryCode()).orElse(null);
        List<RecordRow> rows = new ArrayList<>();
        for (CaseRecord r : cases.records(c.id())) {
            if (r.kind() == CaseRecordKind.REMINDER) {
                continue; // in the timeline; the file keeps what people decided
            }
            List<Detail> details = new ArrayList<>();
            Map<String, Object> data = data(r.dataJson());
            switch (r.kind()) {
                case ORDER -> {
                    add(details, "record.deadline", data.get("deadline"), locale);
                    add(details, "record.period", data.get("periodWorkingDays"), locale);
                }
                case RESPONSE -> data.forEach((key, value) -> {
                    if (!"report".equals(key) && value != null && !"".equals(value)) {
                        FormField field = respondForm == null ? null : respondForm.field(key).orElse(null);
                        String label = field == null ? key : field.label(locale);
                        String shown = field == null ? String.valueOf(value)
                                : field.option(String.valueOf(value)).map(o -> o.label(locale)).orElse(String.valueOf(value));
                        details.add(new Detail(label, shown));
                    }
                });
                case VERIFICATION -> {
                    details.add(new Detail(text("record.verdict", locale), text(Boolean.TRUE.equals(data.get("accepted"))
                            ? "record.accepted" : "record.rejected", locale)));
                    if (Boolean.TRUE.equals(data.get("serious"))) {
                        add(details, "record.seriousReason", data.get("seriousReason"), locale);
                    }
                }
                case EXTENSION_REQUEST -> add(details, "record.days", data.get("days"), locale);
                case EXTENSION_DECISION -> details.add(new Detail(text("record.verdict", locale),
                        text(Boolean.TRUE.equals(data.get("granted")) ? "record.granted" : "record.refused", locale)));
                case REVIEW -> {
                    if (findings) {
                        details.add(new Detail(text("record.decision", locale), text("review." + data.get("decision"), locale)));
                    }
                }
                default -> { }
            }
            rows.add(new RecordRow(r.kind().name(), when(r.occurredAt()), r.occurredAt().toString(),
                    r.actorOrg() == null ? text("timeline.system", locale) : orgNames.getOrDefault(r.actorOrg(), r.actorOrg()),
                    r.actor(), summary(r, findings, locale), details));
        }
        return rows;
    }

    private String summary(CaseRecord r, boolean findings, Locale locale) {
        return switch (r.kind()) {
            case CLOSED -> text("outcome." + r.summary(), locale);
            // the reason's code and the machine's "deadline 2026-10-09", in the reader's words
            case ESCALATION -> messages.getMessage("review.reason." + r.summary(), null, null, locale);
            case OVERDUE -> messages.getMessage("record.overdue",
                    new Object[] {StringUtils.removeStart(r.summary(), "deadline ")}, locale);
            case REVIEW -> findings ? r.summary() : text("record.reviewDecided", locale);
            default -> r.summary();
        };
    }

    /**
     * The audit record and the engine's steps of the case, merged, newest first, each detail in the
     * reader's words ({@link TimelineWords}). Without {@code findings}, who recorded or read
     * sanctions is left out, and the review's decision with it.
     */
    private List<TimelineRow> timeline(String caseId, Locale locale, boolean findings) {
        TimelineWords words = new TimelineWords(messages, locale);
        List<TimelineRow> rows = new ArrayList<>();
        audit.ofCase(caseId).stream()
                .filter(e -> CaseTrail.shows(e.action(), findings))
                .forEach(e -> {
                    TimelineWords.Words detail = words.of(e.action(), CaseTrail.detail(e.action(), e.detail(), findings));
                    rows.add(new TimelineRow(e.occurredAt(), when(e.occurredAt()), e.occurredAt().toString(), "audit",
                            messages.getMessage("audit.action." + e.action(), null, text("timeline.otherEvent", locale), locale),
                            e.actor(), detail.text(), detail.hash()));
                });
        steps.of(caseId).forEach(s -> rows.add(new TimelineRow(s.started(), when(s.started()), s.started().toString(),
                "process", stepName(s.activityId(), s.name(), locale), null,
                s.ended() == null ? text("timeline.running", locale) : null, null)));
        rows.sort(Comparator.comparing(TimelineRow::at).reversed());
        return rows;
    }

    private String stepName(String activityId, String recordedName, Locale locale) {
        return steps.name(activityId, recordedName, locale);
    }

    private void add(List<Detail> details, String labelKey, Object value, Locale locale) {
        if (value != null && !"".equals(value)) {
            details.add(new Detail(text(labelKey, locale), String.valueOf(value)));
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> data(String dataJson) {
        if (dataJson == null) {
            return Map.of();
        }
        try {
            Object value = json.readValue(dataJson, Object.class);
            return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a case record", e);
        }
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    /** A case that came from findings, for its page: the findings with their evidence, the re-check, the case it repeats. */
    private static MonitoredView monitored(CaseFindings.Monitored m, Actor actor) {
        CaseFindings.Recheck r = m.recheck();
        return new MonitoredView(m.findings().stream().map(f -> new FindingRow(f.id(), f.indicator(), f.detail(),
                        when(f.detectedAt()), f.evidence().stream().map(e -> new SeenRow(e.url(), e.status(),
                                when(e.fetchedAt()), e.sha256(), e.body())).toList())).toList(),
                r == null ? null : new RecheckView(r.passed(), when(r.checkedAt()), r.results().stream()
                        .map(x -> new RecheckRow(x.indicator(), x.status(), when(x.checkedAt()), x.detail())).toList()),
                m.repeatOf(), actor.role() == Role.SUPERVISOR);
    }

    private static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant.atZone(WorkingDayCalendar.ZONE));
    }

    private List<CategoryChoice> categoryChoices(Locale locale) {
        return categories.all().stream()
                .map(cat -> new CategoryChoice(cat.code(), cat.name(locale), cat.article(), cat.legalText(),
                        categories.defaultPeriodWorkingDays(cat.code())))
                .toList();
    }

    /** The bodies the list can be filtered by: those in the caller's region and below. */
    private List<Choice> visibleBodies(Actor actor, Locale locale) {
        if (actor.regionCode() == null) {
            return List.of();
        }
        Set<String> regions = directory.regionAndBelow(actor.regionCode());
        return directory.organizations().stream().filter(org -> regions.contains(org.regionCode()))
                .map(org -> new Choice(org.code(), name(org, locale))).toList();
    }

    private Map<String, String> orgNames(Locale locale) {
        return directory.organizations().stream().collect(Collectors.toMap(Organization::code, org -> name(org, locale)));
    }

    private Map<String, String> categoryNames(Locale locale) {
        return categories.all().stream().collect(Collectors.toMap(Category::code, cat -> cat.name(locale),
                (a, b) -> a, LinkedHashMap::new));
    }

    private static String name(Organization org, Locale locale) {
        return english(locale) ? org.nameEn() : org.nameZh();
    }

    private static boolean english(Locale locale) {
        return "en".equals(locale.getLanguage());
    }

    private static CaseStatus enumOrNull(String status) {
        return org.apache.commons.lang3.EnumUtils.getEnum(CaseStatus.class, StringUtils.trimToNull(status));
    }

    private static Boolean yesNo(String value) {
        return "true".equals(value) ? Boolean.TRUE : "false".equals(value) ? Boolean.FALSE : null;
    }

    private static boolean hasFile(MultipartFile file) {
        return file != null && !file.isEmpty();
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Row(String id, String caseNumber, String title, String category, String respondent, String status,
               String deadline, boolean escalated, Countdown.Light light) {
    }

    record FilterValues(String status, String categoryCode, String respondentOrgCode, String escalated, boolean overdue,
                        String q) {
    }

    /** A choice of a picker: a value and what it is called in the reader's language. */
    /** A respondent's websites in the new case's website list. */
    record WebsiteGroup(String orgCode, String orgName, List<Choice> sites) {
    }

    record Choice(String code, String name) {
    }

    /** A category in the picker of a new case, with the article it enforces and its default period. */
    record CategoryChoice(String code, String name, String article, String legalText, int defaultDays) {
    }

    /** An issued document on the case page: its number links to the frozen PDF. */
    record DocumentRow(String id, String kind, String number, String title, String when, String iso, String sha256,
                       boolean correction) {
    }

    record RecordRow(String kind, String when, String iso, String org, String actor, String summary, List<Detail> details) {
    }

    record Detail(String label, String value) {
    }

    record MonitoredView(List<FindingRow> findings, RecheckView recheck, String repeatOf, boolean linkFindings) {
    }

    record FindingRow(String id, String indicator, String detail, String detectedAt, List<SeenRow> evidence) {
    }

    /** @param body the address of the stored body, or null when no response came */
    record SeenRow(String url, Integer status, String fetchedAt, String sha256, String body) {
    }

    record RecheckView(boolean passed, String checkedAt, List<RecheckRow> results) {
    }

    record RecheckRow(String indicator, String status, String checkedAt, String detail) {
    }

    record AttachmentRow(String id, String name, long size, String sha256, String uploadedBy, String when) {
    }

    /** @param hash a checksum the entry names (an attachment's), shown folded; null for none */
    record TimelineRow(Instant at, String when, String iso, String source, String what, String who, String detail,
                       String hash) {
    }
}
