package io.rectify.directory;

import org.springframework.data.jpa.repository.JpaRepository;

interface OrganizationRepository extends JpaRepository<Organization, String> {

    boolean existsByCasePrefix(String casePrefix);
}
