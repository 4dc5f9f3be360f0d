package io.rectify.workflow.web;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.directory.Actor;
import io.rectify.publicreport.PublicReports;
import io.rectify.system.web.CurrentActor;
import io.rectify.workflow.PublicReportSteps;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The steps of a public error report: {@code GET} the caller's open step with its form,
 * {@code POST} its values to do it (triageReport, replyToReport, reviewReply).
 */
@RestController
class PublicReportStepApi {

    private final PublicReportSteps steps;
    private final PublicReports reports;
    private final CurrentActor currentActor;

    PublicReportStepApi(PublicReportSteps steps, PublicReports reports, CurrentActor currentActor) {
        this.steps = steps;
        this.reports = reports;
        this.currentActor = currentActor;
    }

    record Step(String taskKey, JsonNode form) {
    }

    @PreAuthorize("hasAnyRole('SUPERVISOR', 'SUPERVISION', 'RESPONDER')")
    @GetMapping("/api/public-reports/{id}/steps")
    List<Step> open(@PathVariable String id) {
        return steps.openFor(currentActor.get(), id).stream()
                .map(key -> new Step(key, steps.form(key).schema()))
                .toList();
    }

    @PreAuthorize("hasAnyRole('SUPERVISOR', 'RESPONDER')")
    @PostMapping("/api/public-reports/{id}/steps/{taskKey}")
    Map<String, String> complete(@PathVariable String id, @PathVariable String taskKey,
                                 @RequestBody(required = false) Map<String, Object> values) {
        Actor actor = currentActor.get();
        steps.complete(actor, id, taskKey, values);
        return Map.of("status", reports.load(id).status().name());
    }
}
