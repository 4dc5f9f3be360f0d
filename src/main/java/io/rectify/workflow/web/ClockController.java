package io.rectify.workflow.web;

import java.time.OffsetDateTime;
import java.util.Map;

import io.rectify.kernel.InvalidInputException;
import io.rectify.system.web.CurrentActor;
import io.rectify.workflow.ClockControl;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Clock control of API.md: absent (404) outside the default profile, ADMIN only; every move audited. */
@RestController
@RequestMapping("/api/admin")
@ConditionalOnProperty(name = "rectify.clock-control", havingValue = "true")
class ClockController {

    private final ClockControl clock;
    private final CurrentActor currentActor;

    ClockController(ClockControl clock, CurrentActor currentActor) {
        this.clock = clock;
        this.currentActor = currentActor;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @PostMapping("/clock")
    Map<String, Object> set(@RequestBody(required = false) ClockRequest request) {
        if (request == null || request.now() == null) {
            throw InvalidInputException.of("now", "clock.now", "请给出时间，例如 2026-09-18T10:00:00+08:00");
        }
        clock.set(request.now().toInstant(), admin());
        return Map.of("now", request.now());
    }

    @PreAuthorize("hasRole('ADMIN')")
    @DeleteMapping("/clock")
    Map<String, Object> reset() {
        clock.reset(admin());
        return Map.of("now", OffsetDateTime.now());
    }

    @PreAuthorize("hasRole('ADMIN')")
    @PostMapping("/jobs/run-due")
    Map<String, Object> runDue() {
        return Map.of("executed", clock.runDueJobs(admin()));
    }

    /** who moved the clock, for the audit record */
    private String admin() {
        return currentActor.get().username();
    }

    record ClockRequest(OffsetDateTime now) {
    }
}
