package io.rectify.audit;

import java.util.List;

import org.springframework.data.repository.Repository;

/** Append and read only: the repository offers no update or delete. */
interface AuditEntryRepository extends Repository<AuditEntry, Long> {

    AuditEntry save(AuditEntry entry);

    List<AuditEntry> findByCaseIdOrderById(String caseId);

    List<AuditEntry> findByActionOrderById(String action);
}
