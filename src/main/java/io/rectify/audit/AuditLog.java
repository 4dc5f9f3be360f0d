package io.rectify.audit;

import java.time.Clock;
import java.util.List;

import org.apache.commons.lang3.StringUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes the audit record in the transaction of the action it records: both or neither. */
@Service
public class AuditLog {

    private static final int MAX_DETAIL = 4000;

    private final AuditEntryRepository entries;
    private final Clock clock;

    AuditLog(AuditEntryRepository entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actor, String action, String caseId, String detail) {
        entries.save(new AuditEntry(clock.instant(), actor, action, caseId, StringUtils.abbreviate(detail, MAX_DETAIL)));
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> ofCase(String caseId) {
        return entries.findByCaseIdOrderById(caseId);
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> ofAction(String action) {
        return entries.findByActionOrderById(action);
    }
}
