package io.rectify.casefile;

import java.time.Instant;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface CaseRepository extends JpaRepository<RectificationCase, String>, JpaSpecificationExecutor<RectificationCase> {

    boolean existsByRespondentOrgCodeAndCategoryCodeAndClosedAtAfter(String respondentOrgCode, String categoryCode,
                                                                     Instant closedAfter);
}
