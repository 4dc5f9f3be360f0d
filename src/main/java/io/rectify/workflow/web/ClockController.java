package io.rectify.workflow.web;

import java.time.OffsetDateTime;
import java.util.Map;

import io.rectify.directory.Role;
import io.rectify.system.ForbiddenException;
import io.rectify.system.InvalidInputException;
import io.rectify.system.web.CurrentActor;
import io.rectify.workflow.ClockControl;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
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
    private final CurrentActor currentActor;

    ClockController(ClockControl clock, CurrentActor currentActor) {
        this.clock = clock;
        this.currentActor = currentActor;
    }

    @PostMapping("/clock")
    Map<String, Object> set(@RequestBody(required = false) ClockRequest request) {
        String admin = requireAdmin();
        if (request == null || request.now() == null) {
            throw InvalidInputException.of("now", "clock.now", "请给出时间，例如 2026-09-18T10:00:00+08:00");
        }
        clock.set(request.now().toInstant(), admin);
        return Map.of("now", request.now());
    }

    @DeleteMapping("/clock")
    Map<String, Object> reset() {
        clock.reset(requireAdmin());
        return Map.of("now", OffsetDateTime.now());
    }

    @PostMapping("/jobs/run-due")
    Map<String, Object> runDue() {
        return Map.of("executed", clock.runDueJobs(requireAdmin()));
    }

    /** the administrator's user name, or 403 */
    private String requireAdmin() {
        if (currentActor.get().role() != Role.ADMIN) {
            throw new ForbiddenException("clock control is for the administrator");
        }
        return currentActor.get().username();
    }

    record ClockRequest(OffsetDateTime now) {
    }
}
