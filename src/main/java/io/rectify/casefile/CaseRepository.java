package io.rectify.casefile;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface CaseRepository extends JpaRepository<RectificationCase, String>, JpaSpecificationExecutor<RectificationCase> {
}
