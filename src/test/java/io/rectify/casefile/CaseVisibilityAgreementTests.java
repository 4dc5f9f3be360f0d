package io.rectify.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.rectify.IntegrationTest;
import io.rectify.directory.Actor;
import io.rectify.directory.Directory;
import io.rectify.directory.OrgKind;
import io.rectify.directory.Organization;
import io.rectify.directory.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who may see a case is said twice, for speed: once in Java ({@link CaseAccess}, for one case) and
 * once as SQL ({@link CaseSearch}, for the list, one index range per way of seeing). This test keeps
 * them one rule: it opens cases as the product does, from every office against every body it may
 * answer for (offices below it and departments, in every region), flagged serious and so escalated
 * or not, and asks for every actor, of every role at every body of the directory and every user,
 * whether the Java check's verdict is the list's on every case.
 */
class CaseVisibilityAgreementTests extends IntegrationTest {

    @Autowired
    CaseService cases;

    @Autowired
    CaseSearch search;

    @Autowired
    CaseAccess access;

    @Autowired
    Directory directory;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theCaseListShowsExactlyTheCasesTheAccessCheckLetsEachActorSee() {
        String tag = "可见性" + System.nanoTime();
        List<RectificationCase> opened = openedFromEveryOfficeAgainstEveryBody(tag);
        assertThat(opened).as("escalated cases and others").anyMatch(RectificationCase::escalated)
                .anyMatch(c -> !c.escalated());
        assertThat(opened.stream().map(RectificationCase::regionCode).distinct()).as("several regions")
                .hasSizeGreaterThan(2);
        assertThat(opened).as("offices answer for cases too")
                .anyMatch(c -> directory.findOrganization(c.respondentOrgCode()).orElseThrow().kind() == OrgKind.OFFICE);

        List<String> disagreements = new ArrayList<>();
        int seen = 0;
        for (Actor actor : everyActor()) {
            Set<String> listed = listed(actor, tag);
            for (RectificationCase c : opened) {
                boolean canSee = access.canSee(actor, c);
                seen += canSee ? 1 : 0;
                if (canSee != listed.contains(c.id())) {
                    disagreements.add(actor + (canSee ? " may see " : " may not see ") + c.caseNumber()
                            + " (respondent " + c.respondentOrgCode() + ", opened by " + c.openedByOrgCode()
                            + ", region " + c.regionCode() + (c.escalated() ? ", escalated" : "") + ") but the list "
                            + (canSee ? "leaves it out" : "shows it"));
                }
            }
        }
        assertThat(seen).as("some actors see some cases: the comparison is not of two empty lists").isPositive();
        assertThat(disagreements).isEmpty();
    }

    /** Each office against each body it may open a case against, once not serious and once flagged serious. */
    private List<RectificationCase> openedFromEveryOfficeAgainstEveryBody(String tag) {
        List<RectificationCase> opened = new ArrayList<>();
        for (Actor office : users().stream().filter(a -> a.role() == Role.SUPERVISOR).toList()) {
            for (Organization respondent : cases.respondentsFor(office)) {
                if (!demoBody(respondent)) {
                    continue;
                }
                for (boolean serious : new boolean[] {false, true}) {
                    RectificationCase c = cases.open(office, new OpenCase("A33-10", respondent.code(),
                            tag + " " + office.orgCode() + "→" + respondent.code(), "网站存在违规情形", null,
                            CaseSource.INSPECTION, serious, serious ? "影响恶劣" : null));
                    // as the list reads it, after the opening's process ran: a serious case is escalated at once
                    opened.add(cases.load(c.id()));
                }
            }
        }
        return opened;
    }

    /** Every user of the directory, and an actor of every role at every body, and one of no body. */
    private Set<Actor> everyActor() {
        Set<Actor> actors = new LinkedHashSet<>(users());
        for (Role role : Role.values()) {
            actors.add(new Actor("any-" + role, role, null, null, null));
            for (Organization org : directory.organizations()) {
                if (demoBody(org)) {
                    actors.add(new Actor("any-" + role + "-" + org.code(), role, org.code(), org.kind(),
                            org.regionCode()));
                }
            }
        }
        actors.add(Actor.system());
        return actors;
    }

    private List<Actor> users() {
        return jdbc.queryForList("select username from app_user order by username", String.class).stream()
                .map(username -> directory.actor(username).orElseThrow())
                .toList();
    }

    /** Every page of the list, through its cursor, of the cases of this run. */
    private Set<String> listed(Actor actor, String tag) {
        Set<String> ids = new HashSet<>();
        String after = null;
        do {
            CaseSearch.Result page = search.find(actor, new CaseFilter(null, null, null, null, null, tag), after, 0,
                    CaseSearch.MAX_PAGE_SIZE, cases.today());
            page.items().forEach(c -> ids.add(c.id()));
            after = page.next();
        } while (after != null);
        return ids;
    }

    /** The demo directory's bodies, not the fresh departments other tests add to the shared database. */
    private static boolean demoBody(Organization org) {
        return !org.code().matches("[A-Z]+-T\\d+");
    }
}
