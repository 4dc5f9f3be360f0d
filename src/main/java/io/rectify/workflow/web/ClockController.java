package io.rectify.workflow.web;

import java.time.OffsetDateTime;
import java.util.Map;

import io.rectify.system.InvalidInputException;
import io.rectify.workflow.ClockControl;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Clock control of API.md: absent (404) outside the default profile, ADMIN only. */
@RestController
@RequestMapping("/api/admin")
@ConditionalOnProperty(name = "rectify.clock-control", havingValue = "true")
class ClockController {

    private final ClockControl clock;

    ClockController(ClockControl clock) {
        this.clock = clock;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @PostMapping("/clock")
    Map<String, Object> set(@RequestBody(required = false) ClockRequest request) {
        if (request == null || request.now() == null) {
            throw InvalidInputException.of("now", "clock.now", "请给出时间，例如 2026-09-18T10:00:00+08:00");
        }
        clock.set(request.now().toInstant());
        return Map.of("now", request.now());
    }

    @PreAuthorize("hasRole('ADMIN')")
    @DeleteMapping("/clock")
    Map<String, Object> reset() {
        clock.reset();
        return Map.of("now", OffsetDateTime.now());
    }

    @PreAuthorize("hasRole('ADMIN')")
    @PostMapping("/jobs/run-due")
    Map<String, Object> runDue() {
        return Map.of("executed", clock.runDueJobs());
    }

    record ClockRequest(OffsetDateTime now) {
    }
}
