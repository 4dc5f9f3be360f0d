package io.rectify.inspection.web;

import java.net.URI;
import java.util.List;

import io.rectify.inspection.SelfInspections;
import io.rectify.system.web.CurrentActor;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A body's self-inspection reports (Art. 29). */
@RestController
@RequestMapping("/api/self-inspections")
class SelfInspectionController {

    private final SelfInspections selfInspections;
    private final CurrentActor currentActor;

    SelfInspectionController(SelfInspections selfInspections, CurrentActor currentActor) {
        this.selfInspections = selfInspections;
        this.currentActor = currentActor;
    }

    record SubmitRequest(String period, String report) {
    }

    @PreAuthorize("hasAnyRole('RESPONDER', 'SUPERVISOR')")
    @PostMapping
    ResponseEntity<SelfInspections.Report> submit(@RequestBody SubmitRequest request) {
        SelfInspections.Report report = selfInspections.submit(currentActor.get(), request.period(), request.report());
        return ResponseEntity.created(URI.create("/api/self-inspections/" + report.id())).body(report);
    }

    @PreAuthorize("hasAnyRole('RESPONDER', 'SUPERVISOR')")
    @GetMapping
    List<SelfInspections.Report> list() {
        return selfInspections.reports(currentActor.get());
    }
}
