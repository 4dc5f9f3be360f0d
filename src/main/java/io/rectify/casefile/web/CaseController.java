package io.rectify.casefile.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.rectify.casefile.AttachmentService;
import io.rectify.casefile.CaseFilter;
import io.rectify.casefile.CaseSearch;
import io.rectify.casefile.CaseService;
import io.rectify.casefile.CaseSource;
import io.rectify.casefile.CaseStatus;
import io.rectify.casefile.OpenCase;
import io.rectify.casefile.RectificationCase;
import io.rectify.directory.Actor;
import io.rectify.form.FormCatalog;
import io.rectify.form.FormValidator;
import io.rectify.kernel.FieldProblem;
import io.rectify.kernel.InvalidInputException;
import io.rectify.kernel.UnsafeText;
import io.rectify.system.web.CurrentActor;
import org.apache.commons.lang3.EnumUtils;
import org.apache.commons.lang3.StringUtils;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/cases")
class CaseController {

    static final String EXTENSION_FORM = "requestExtension";

    private final CaseService cases;
    private final CaseSearch search;
    private final CaseViews views;
    private final AttachmentService attachments;
    private final FormCatalog forms;
    private final CurrentActor currentActor;

    CaseController(CaseService cases, CaseSearch search, CaseViews views, AttachmentService attachments,
                   FormCatalog forms, CurrentActor currentActor) {
        this.cases = cases;
        this.search = search;
        this.views = views;
        this.attachments = attachments;
        this.forms = forms;
        this.currentActor = currentActor;
    }

    @PreAuthorize("hasRole('SUPERVISOR')")
    @PostMapping
    ResponseEntity<CaseView> open(@RequestBody OpenCaseRequest request) {
        Actor actor = currentActor.get();
        RectificationCase c = cases.open(actor, request.validated());
        return ResponseEntity.created(URI.create("/api/cases/" + c.id())).body(views.of(actor, c));
    }

    @PreAuthorize("isAuthenticated()")
    @GetMapping("/{id}")
    CaseView get(@PathVariable String id) {
        Actor actor = currentActor.get();
        return views.of(actor, cases.visible(actor, id));
    }

    @PreAuthorize("isAuthenticated()")
    @GetMapping
    CaseList list(@RequestParam(required = false) CaseStatus status,
                  @RequestParam(required = false) String categoryCode,
                  @RequestParam(required = false) String respondentOrgCode,
                  @RequestParam(required = false) Boolean escalated,
                  @RequestParam(required = false) Boolean overdue,
                  @RequestParam(defaultValue = "0") int page,
                  @RequestParam(defaultValue = "20") int size,
                  @RequestParam(required = false) String after) {
        Actor actor = currentActor.get();
        CaseSearch.Result found = search.find(actor, new CaseFilter(status, StringUtils.trimToNull(categoryCode),
                StringUtils.trimToNull(respondentOrgCode), escalated, overdue), StringUtils.trimToNull(after), page, size,
                cases.today());
        return new CaseList(views.of(actor, found.items()), found.total(), page, size, found.totalExact(), found.next());
    }

    /** The respondent asks once for more working days, validated by forms/requestExtension.form. */
    @PreAuthorize("isAuthenticated()")
    @PostMapping("/{id}/extension-request")
    CaseView requestExtension(@PathVariable String id, @RequestBody(required = false) Map<String, Object> values) {
        Actor actor = currentActor.get();
        requestExtension(cases, forms, actor, id, values);
        return views.of(actor, cases.visible(actor, id));
    }

    /** The one way an extension is asked for, by the API and by the page: the form's schema validates it. */
    static void requestExtension(CaseService cases, FormCatalog forms, Actor actor, String caseId, Map<String, ?> values) {
        Map<String, Object> request = FormValidator.validate(forms.get(EXTENSION_FORM), values == null ? Map.of() : values)
                .valuesOrThrow();
        cases.requestExtension(caseId, actor, ((String) request.get("reason")).strip(),
                ((Number) request.get("days")).intValue());
    }

    @PreAuthorize("isAuthenticated()")
    @PostMapping(path = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<AttachmentView> upload(@PathVariable String id, @RequestPart("file") MultipartFile file) {
        var stored = attachments.store(currentActor.get(), id, file.getOriginalFilename(), bytes(file));
        return ResponseEntity.created(URI.create("/api/cases/" + id + "/attachments/" + stored.id()))
                .body(new AttachmentView(stored.id(), stored.name(), stored.sizeBytes(), stored.sha256()));
    }

    @PreAuthorize("isAuthenticated()")
    @GetMapping("/{id}/attachments")
    List<AttachmentView> attachments(@PathVariable String id) {
        return attachments.of(currentActor.get(), id).stream()
                .map(a -> new AttachmentView(a.id(), a.name(), a.sizeBytes(), a.sha256()))
                .toList();
    }

    @PreAuthorize("isAuthenticated()")
    @GetMapping("/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(@PathVariable String id, @PathVariable String attachmentId) {
        var download = attachments.read(currentActor.get(), id, attachmentId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(download.attachment().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(download.attachment().name(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(download.content());
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code total} is exact while {@code totalExact}; beyond the count limit it is that bound.
     * {@code next} is the keyset cursor of the following page ({@code ?after=}), null on the last.
     */
    record CaseList(List<CaseView> items, long total, int page, int size, boolean totalExact, String next) {
    }

    record AttachmentView(String id, String name, long size, String sha256) {
    }

    record OpenCaseRequest(String categoryCode, String respondentOrgCode, String title, String description,
                           String websiteUrl, String source, Boolean serious, String seriousReason) {

        OpenCase validated() {
            List<FieldProblem> problems = new ArrayList<>();
            required(problems, "categoryCode", categoryCode, 10);
            required(problems, "respondentOrgCode", respondentOrgCode, 40);
            required(problems, "title", title, 200);
            required(problems, "description", description, 4000);
            // characters that hide or reorder what readers see, or that one database refuses
            for (String[] text : new String[][] {{"title", title}, {"description", description},
                    {"websiteUrl", websiteUrl}, {"seriousReason", seriousReason}}) {
                UnsafeText.problem(text[0], text[1]).ifPresent(problems::add);
            }
            if (StringUtils.length(seriousReason) > 2000) {
                problems.add(FieldProblem.of("seriousReason", "form.maxLength", "不能超过 2000 字", "seriousReason", 2000));
            }
            CaseSource parsedSource = EnumUtils.getEnum(CaseSource.class, source);
            if (parsedSource == null) {
                problems.add(FieldProblem.of("source", "case.source.invalid",
                        "来源应为 MANUAL、INSPECTION、MONITOR 或 COMPLAINT"));
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            return new OpenCase(categoryCode.strip(), respondentOrgCode.strip(), title.strip(), description.strip(),
                    websiteUrl, parsedSource, Boolean.TRUE.equals(serious), StringUtils.trimToNull(seriousReason));
        }

        private static void required(List<FieldProblem> problems, String field, String value, int max) {
            if (StringUtils.isBlank(value)) {
                problems.add(FieldProblem.of(field, "form.required", field + " 为必填项", field));
            } else if (value.length() > max) {
                problems.add(FieldProblem.of(field, "form.maxLength", field + " 不能超过 " + max + " 字", field, max));
            }
        }
    }
}
