package io.rectify.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.rectify.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Reading bodies by code, as opening a case does for its respondent and its opener. */
class DirectoryTests extends IntegrationTest {

    @Autowired
    Directory directory;

    @Test
    void findsTheBodiesThatExistByTheirCode() {
        Map<String, Organization> found = directory.findOrganizations("JX-EDU", "NC-GOV-OFFICE", "NO-SUCH-BODY", null,
                "JX-EDU");

        assertThat(found).containsOnlyKeys("JX-EDU", "NC-GOV-OFFICE");
        assertThat(found.get("JX-EDU").kind()).isEqualTo(OrgKind.DEPARTMENT);
        assertThat(found.get("NC-GOV-OFFICE").kind()).isEqualTo(OrgKind.OFFICE);
        assertThat(found.get("NC-GOV-OFFICE").regionCode()).isEqualTo("NC");
        assertThat(directory.findOrganizations("NO-SUCH-BODY")).isEmpty();
    }
}
