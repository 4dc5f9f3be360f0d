package io.rectify.finding.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.rectify.casefile.web.CaseView;
import io.rectify.casefile.web.CaseViews;
import io.rectify.directory.Actor;
import io.rectify.finding.FindingStatus;
import io.rectify.finding.Findings;
import io.rectify.kernel.InvalidInputException;
import io.rectify.kernel.NotFoundException;
import io.rectify.monitoring.EvidenceArchive;
import io.rectify.monitoring.Indicator;
import io.rectify.system.web.CurrentActor;
import org.apache.commons.lang3.EnumUtils;
import org.apache.commons.lang3.StringUtils;
import org.apache.commons.lang3.math.NumberUtils;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Findings (API.md "Findings"), and each office's choice of the indicators whose failures open cases at once. */
@RestController
@RequestMapping("/api/findings")
class FindingController {

    private final Findings findings;
    private final CaseViews views;
    private final CurrentActor currentActor;

    FindingController(Findings findings, CaseViews views, CurrentActor currentActor) {
        this.findings = findings;
        this.views = views;
        this.currentActor = currentActor;
    }

    /** The findings the caller may see (a supervisor's jurisdiction; nobody else sees any), newest first. */
    @PreAuthorize("isAuthenticated()")
    @GetMapping
    List<FindingView> list(@RequestParam(required = false) String status,
                           @RequestParam(required = false) String websiteId) {
        return findings.list(currentActor.get(), status(status), websiteId(websiteId)).stream().map(FindingView::of).toList();
    }

    @PreAuthorize("hasRole('SUPERVISOR')")
    @GetMapping("/{id}")
    FindingView get(@PathVariable String id) {
        return FindingView.of(findings.visible(currentActor.get(), id));
    }

    /**
     * A stored response a finding was judged on, as the site sent it: for the finding's readers and
     * its case's (the department answering it). Always a download, never shown as a page of ours:
     * the bytes are the site's, scripts and all.
     */
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'RESPONDER', 'SUPERVISION')")
    @GetMapping("/{id}/evidence/{probeId}")
    ResponseEntity<byte[]> evidenceBody(@PathVariable String id, @PathVariable String probeId) {
        long probe = NumberUtils.toLong(probeId, -1);
        if (probe < 0) {
            throw new NotFoundException("evidence " + probeId);
        }
        EvidenceArchive.Body body = findings.evidenceBody(currentActor.get(), id, probe);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("evidence-" + probe + "-" + body.sha256().substring(0, 12) + extension(body.contentType()))
                        .build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Evidence-SHA256", body.sha256())
                .header("X-Evidence-Truncated", String.valueOf(body.truncated()))
                .body(body.content());
    }

    /** The file's extension from the type the site declared, so that it opens in the right program. */
    static String extension(String contentType) {
        String type = StringUtils.defaultString(contentType).toLowerCase(java.util.Locale.ROOT);
        if (type.contains("html")) {
            return ".html";
        }
        if (type.contains("json")) {
            return ".json";
        }
        if (type.contains("xml")) {
            return ".xml";
        }
        return type.startsWith("text/") ? ".txt" : ".bin";
    }

    @PreAuthorize("hasRole('SUPERVISOR')")
    @PostMapping("/{id}/confirm")
    ResponseEntity<CaseView> confirm(@PathVariable String id) {
        Actor actor = currentActor.get();
        Findings.Confirmation done = findings.confirm(actor, id);
        CaseView view = views.of(actor, done.caseOf());
        return done.opened()
                ? ResponseEntity.created(URI.create("/api/cases/" + view.id())).body(view)
                : ResponseEntity.ok(view);
    }

    @PreAuthorize("hasRole('SUPERVISOR')")
    @PostMapping("/{id}/dismiss")
    FindingView dismiss(@PathVariable String id, @RequestBody(required = false) Map<String, Object> body) {
        Object reason = body == null ? null : body.get("reason");
        if (reason != null && !(reason instanceof String)) {
            throw InvalidInputException.of("reason", "finding.dismiss.reasonRequired", "核减须写明理由");
        }
        return FindingView.of(findings.dismiss(currentActor.get(), id, (String) reason));
    }

    /** Which indicators' failures open cases at once for the office (the caller's own by default). */
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    @GetMapping("/auto-open")
    List<AutoOpen> autoOpen(@RequestParam(required = false) String orgCode) {
        return rows(findings.autoOpen(currentActor.get(), orgCode));
    }

    /** {@code {"orgCode": "JX-GOV-OFFICE" (optional for a supervisor), "indicator": "UNREACHABLE", "enabled": true}} */
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    @PutMapping("/auto-open")
    List<AutoOpen> changeAutoOpen(@RequestBody(required = false) Map<String, Object> body) {
        Map<String, Object> values = body == null ? Map.of() : body;
        Indicator indicator = values.get("indicator") instanceof String name ? EnumUtils.getEnum(Indicator.class, name) : null;
        if (indicator == null) {
            throw InvalidInputException.of("indicator", "finding.indicator.unknown", "没有这个监测指标");
        }
        if (!(values.get("enabled") instanceof Boolean enabled)) {
            throw InvalidInputException.of("enabled", "form.required", "enabled 为必填项", "enabled");
        }
        String orgCode = values.get("orgCode") instanceof String code ? code : null;
        return rows(findings.changeAutoOpen(currentActor.get(), orgCode, indicator, enabled));
    }

    record AutoOpen(String indicator, boolean enabled) {
    }

    private static List<AutoOpen> rows(Map<Indicator, Boolean> settings) {
        return settings.entrySet().stream().map(e -> new AutoOpen(e.getKey().name(), e.getValue())).toList();
    }

    static FindingStatus status(String status) {
        if (StringUtils.isBlank(status)) {
            return null;
        }
        FindingStatus parsed = EnumUtils.getEnum(FindingStatus.class, status.strip());
        if (parsed == null) {
            throw InvalidInputException.of("status", "finding.status.invalid", "状态应为 OPEN、CONFIRMED 或 DISMISSED");
        }
        return parsed;
    }

    static Long websiteId(String websiteId) {
        if (StringUtils.isBlank(websiteId)) {
            return null;
        }
        if (!websiteId.strip().matches("\\d{1,18}")) {
            throw InvalidInputException.of("websiteId", "finding.websiteId.invalid", "网站编号应为数字");
        }
        return Long.parseLong(websiteId.strip());
    }
}
