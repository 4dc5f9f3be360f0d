package io.rectify.sanction;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface SanctionRepository extends JpaRepository<Sanction, Long>, JpaSpecificationExecutor<Sanction> {

    List<Sanction> findByCaseIdOrderById(String caseId);

    List<Sanction> findByCaseIdInOrderById(java.util.Collection<String> caseIds);
}
