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
        // every column as the opening uses it: names for messages, the prefix for the case number
        assertThat(found.get("NC-GOV-OFFICE").nameZh()).isEqualTo("南昌市人民政府办公室");
        assertThat(found.get("NC-GOV-OFFICE").nameEn()).isEqualTo("General Office of the Nanchang Municipal Government");
        assertThat(found.get("NC-GOV-OFFICE").casePrefix()).isEqualTo("洪府办整改");
        assertThat(found.get("JX-EDU").casePrefix()).as("no prefix of its own: its code").isEqualTo("JX-EDU");
        assertThat(directory.findOrganizations("NO-SUCH-BODY")).isEmpty();
        assertThat(directory.findOrganizations((String) null)).as("nothing to read").isEmpty();
    }
}
