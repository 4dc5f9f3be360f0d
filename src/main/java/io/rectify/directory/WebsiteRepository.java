package io.rectify.directory;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

public interface WebsiteRepository extends JpaRepository<Website, Long> {

    Optional<Website> findByUrl(String url);

    Optional<Website> findBySiteCode(String siteCode);

    List<Website> findByOrgCodeInOrderByOrgCodeAscNameAscUrlAsc(Collection<String> orgCodes);

    List<Website> findByOrgCodeInAndActiveTrueOrderByOrgCodeAscNameAscUrlAsc(Collection<String> orgCodes);

    /** Locks the site's row until the transaction ends, so that decisions about one site go one after the other. */
    @Transactional(propagation = Propagation.MANDATORY)
    @Query(value = "select id from website where id = :id for update", nativeQuery = true)
    Optional<Long> lockById(@Param("id") long id);
}
