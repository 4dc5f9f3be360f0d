package io.rectify.casefile;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CaseRecordRepository extends JpaRepository<CaseRecord, Long> {

    List<CaseRecord> findByCaseIdOrderById(String caseId);
}
