package io.rectify.audit;

import java.util.List;

import org.springframework.data.repository.Repository;

/** Read only: entries are appended by {@link AuditLog} at commit; nothing offers an update or a delete. */
interface AuditEntryRepository extends Repository<AuditEntry, Long> {

    List<AuditEntry> findByCaseIdOrderBySequence(String caseId);

    List<AuditEntry> findByActionOrderBySequence(String action);
}
