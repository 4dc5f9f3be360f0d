package io.rectify.directory;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface OrganizationRepository extends JpaRepository<Organization, String> {

    List<Organization> findByKindAndRegionCodeIn(OrgKind kind, Collection<String> regionCodes);

    boolean existsByCasePrefix(String casePrefix);
}
