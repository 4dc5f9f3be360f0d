package io.rectify.casefile;

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
}
