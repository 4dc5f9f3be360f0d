package io.rectify.audit.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import io.rectify.audit.AuditEntry;
import io.rectify.audit.AuditLog;
import io.rectify.audit.AuditPage;
import io.rectify.audit.AuditVerifier;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** The audit administrator's page: the chain's last verification, "verify now", and the record with filters. */
@Controller
class AuditPages {

    static final String VIEW = "audit/record";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final AuditLog audit;
    private final AuditVerifier verifier;

    AuditPages(AuditLog audit, AuditVerifier verifier) {
        this.audit = audit;
        this.verifier = verifier;
    }

    @GetMapping("/audit")
    @PreAuthorize("hasRole('AUDIT_ADMIN')")
    String record(Authentication authentication, AuditFilter filter, Model model) {
        String reader = AuditAdministrator.require(authentication);
        Map<String, String> problems = filter.problems();
        model.addAttribute("filter", filter);
        model.addAttribute("problems", problems);
        model.addAttribute("verification", verifier.last());
        if (problems.isEmpty()) {
            AuditPage page = audit.search(reader, filter.query());
            model.addAttribute("entries", page.entries().stream().map(Row::of).toList());
            model.addAttribute("next", page.next());
        } else {
            model.addAttribute("entries", List.of());
        }
        return VIEW;
    }

    /** Post/redirect/get: the result is shown by the page as this node's last verification. */
    @PostMapping("/audit/verification")
    @PreAuthorize("hasRole('AUDIT_ADMIN')")
    String verifyNow(Authentication authentication) {
        verifier.verify(AuditAdministrator.require(authentication));
        return "redirect:/audit";
    }

    /** one line of the table: the time in China's time, the hash shortened (the API has it whole) */
    record Row(long sequence, String occurredAt, String actor, String action, String caseId, String detail,
               String hash) {

        static Row of(AuditEntry e) {
            return new Row(e.sequence(), TIME.format(e.occurredAt()), e.actor(), e.action(), e.caseId(), e.detail(),
                    e.hash().substring(0, 12));
        }
    }
}
