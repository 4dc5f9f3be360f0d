package io.rectify.directory;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface WebsiteRepository extends JpaRepository<Website, Long> {

    Optional<Website> findByUrl(String url);

    Optional<Website> findBySiteCode(String siteCode);

    List<Website> findByOrgCodeInOrderByOrgCodeAscNameAscUrlAsc(Collection<String> orgCodes);

    List<Website> findByOrgCodeInAndActiveTrueOrderByOrgCodeAscNameAscUrlAsc(Collection<String> orgCodes);
}
