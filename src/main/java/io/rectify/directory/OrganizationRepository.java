package io.rectify.directory;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OrganizationRepository extends JpaRepository<Organization, String> {

    /** Written out, not derived from the name: Hibernate keeps the SQL of a written query (issue 5). */
    @Query("select o from Organization o where o.kind in :kinds and o.regionCode in :regionCodes")
    List<Organization> findByKindInAndRegionCodeIn(@Param("kinds") Collection<OrgKind> kinds,
                                                   @Param("regionCodes") Collection<String> regionCodes);

    boolean existsByCasePrefix(String casePrefix);
}
