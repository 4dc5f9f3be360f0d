package io.rectify.monitoring.web;

import java.util.Map;

import io.rectify.monitoring.internal.RunDue;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Like {@code jobs/run-due}: absent (404) outside the default profile, ADMIN only. */
@RestController
@RequestMapping("/api/admin/monitoring")
@ConditionalOnProperty(name = "rectify.clock-control", havingValue = "true")
class MonitoringAdminApi {

    private final RunDue runDue;

    MonitoringAdminApi(RunDue runDue) {
        this.runDue = runDue;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @PostMapping("/run-due")
    Map<String, Object> runDue() {
        return Map.of("executed", runDue.runDue());
    }
}
