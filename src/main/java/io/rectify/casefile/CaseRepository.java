package io.rectify.casefile;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CaseRepository extends JpaRepository<RectificationCase, String>, JpaSpecificationExecutor<RectificationCase> {

    /** Locks the case row until the transaction ends (SELECT … FOR UPDATE). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from RectificationCase c where c.id = :id")
    Optional<RectificationCase> lockById(@Param("id") String id);

    /**
     * Whether the body had a case of the category closed after the instant: a repeat violation.
     * Written out rather than derived from the name, as every query run when a case opens is
     * (issue 5): Hibernate keeps the SQL of a written query, a derived one is translated anew on
     * every call.
     */
    @Query("""
            select count(c) > 0 from RectificationCase c
            where c.respondentOrgCode = :respondent and c.categoryCode = :category and c.closedAt > :closedAfter""")
    boolean closedRecently(@Param("respondent") String respondentOrgCode, @Param("category") String categoryCode,
                           @Param("closedAfter") Instant closedAfter);
}
