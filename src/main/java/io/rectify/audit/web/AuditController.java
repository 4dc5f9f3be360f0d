package io.rectify.audit.web;

import java.util.List;
import java.util.Map;

import io.rectify.audit.AuditEntry;
import io.rectify.audit.AuditLog;
import io.rectify.audit.AuditPage;
import io.rectify.audit.AuditQuery;
import io.rectify.audit.AuditVerification;
import io.rectify.audit.AuditVerifier;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The full audit record and its verification, for the audit administrator alone; every read is audited. */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    private final AuditLog audit;
    private final AuditVerifier verifier;
    private final MessageSource messages;

    AuditController(AuditLog audit, AuditVerifier verifier, MessageSource messages) {
        this.audit = audit;
        this.verifier = verifier;
        this.messages = messages;
    }

    @GetMapping("/verification")
    @PreAuthorize("hasRole('AUDIT_ADMIN')")
    VerificationView verification(Authentication authentication) {
        return VerificationView.of(verifier.verify(AuditAdministrator.require(authentication)));
    }

    /** Newest first; {@code after} is the {@code next} of the previous page. */
    @GetMapping
    @PreAuthorize("hasRole('AUDIT_ADMIN')")
    PageView entries(Authentication authentication, AuditFilter filter) {
        String reader = AuditAdministrator.require(authentication);
        Map<String, String> problems = filter.problems();
        if (!problems.isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    text("problem.invalid"));
            problem.setTitle(HttpStatus.BAD_REQUEST.getReasonPhrase());
            problem.setProperty("errors", problems.entrySet().stream()
                    .map(p -> Map.of("field", p.getKey(), "message", text(p.getValue()))).toList());
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
        AuditPage page = audit.search(reader, filter.query());
        return new PageView(page.entries().stream().map(EntryView::of).toList(), page.next());
    }

    private String text(String key) {
        return messages.getMessage(key, new Object[] {AuditQuery.MAX_SIZE}, key,
                LocaleContextHolder.getLocale());
    }

    record PageView(List<EntryView> entries, Long next) {
    }

    record EntryView(long sequence, long id, String occurredAt, String actor, String action, String caseId,
                     String detail, String previousHash, String hash) {

        static EntryView of(AuditEntry e) {
            return new EntryView(e.sequence(), e.id(), e.occurredAt().toString(), e.actor(), e.action(), e.caseId(),
                    e.detail(), e.previousHash(), e.hash());
        }
    }

    record VerificationView(boolean intact, long checked, BrokenLink firstBroken, long headSequence, String headHash,
                            String verifiedAt) {

        static VerificationView of(AuditVerification v) {
            AuditVerification.Link link = v.firstBroken();
            return new VerificationView(v.intact(), v.checked(),
                    link == null ? null : new BrokenLink(link.sequence(), link.id(), link.reason().name(), link.detail()),
                    v.headSequence(), v.headHash(), v.verifiedAt().toString());
        }
    }

    record BrokenLink(long sequence, Long id, String reason, String detail) {
    }
}
