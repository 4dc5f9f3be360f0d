package io.rectify.workflow.internal;

import static io.rectify.process.CaseVariables.CASE_ID;
import static io.rectify.process.CaseVariables.CATEGORY;
import static io.rectify.process.CaseVariables.ESCALATED;
import static io.rectify.process.CaseVariables.FLAGGED_SERIOUS;
import static io.rectify.process.CaseVariables.OFFICE_GROUPS;
import static io.rectify.process.CaseVariables.OVERDUE;
import static io.rectify.process.CaseVariables.REJECTION_COUNT;
import static io.rectify.process.CaseVariables.REPEAT;
import static io.rectify.process.CaseVariables.RESPONDENT_GROUPS;
import static io.rectify.process.CaseVariables.REVIEW_PENDING;
import static io.rectify.process.CaseVariables.SITE_SHUT_DOWN;
import static io.rectify.process.CaseVariables.SUPERVISION_GROUPS;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.rectify.casefile.CaseOpened;
import io.rectify.casefile.CaseService;
import io.rectify.casefile.ExtensionRequested;
import io.rectify.casefile.RectificationCase;
import io.rectify.directory.Directory;
import io.rectify.directory.OrgKind;
import io.rectify.directory.Organization;
import io.rectify.process.Routing;
import io.rectify.workflow.CaseProcess;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Starts a case's process in the transaction that opens the case, and passes the respondent's
 * extension request on to it. Candidate groups are derived from bodies: the opening office and
 * the offices above it, the respondent body, the supervision bodies of the case's region and above.
 */
@Component
class ProcessStarter {

    private final RuntimeService runtime;
    private final CaseService cases;
    private final Directory directory;
    /**
     * The case process this node starts: the latest version when the node first opens a case,
     * after the node deployed its own models at startup. Starting by key would look the latest
     * version up in the database at every opening (the engine caches definitions by id only).
     * Only a node's startup deploys, so the version stays this node's own until it restarts.
     */
    private final Supplier<String> caseProcessDefinition;

    ProcessStarter(RuntimeService runtime, RepositoryService repository, CaseService cases, Directory directory) {
        this.runtime = runtime;
        this.cases = cases;
        this.directory = directory;
        this.caseProcessDefinition = SingletonSupplier.of(() -> repository.createProcessDefinitionQuery()
                .processDefinitionKey(CaseProcess.KEY).latestVersion().singleResult().getId());
    }

    @EventListener
    void on(CaseOpened event) {
        RectificationCase c = cases.load(event.caseId());
        // the case's region lies within the opener's, so the offices above the opener are among these
        List<Organization> above = directory.bodiesInAndAbove(c.regionCode(), OrgKind.OFFICE, OrgKind.SUPERVISION);
        List<String> openerAndAbove = directory.regionAndAbove(event.openerRegionCode());
        List<Organization> offices = above.stream()
                .filter(body -> body.kind() == OrgKind.OFFICE && openerAndAbove.contains(body.regionCode()))
                .toList();
        List<Organization> supervision = above.stream().filter(body -> body.kind() == OrgKind.SUPERVISION).toList();
        Routing variables = Routing.of(CASE_ID, c.id())
                .with(CATEGORY, c.categoryCode())
                .with(OFFICE_GROUPS, groups(c.openedByOrgCode(), offices))
                .with(RESPONDENT_GROUPS, Directory.groupOf(c.respondentOrgCode()))
                .with(SUPERVISION_GROUPS, groups(null, supervision))
                .with(FLAGGED_SERIOUS, c.flaggedSerious())
                .with(REPEAT, c.repeatViolation())
                .with(REJECTION_COUNT, 0)
                .with(OVERDUE, false)
                .with(ESCALATED, false)
                .with(REVIEW_PENDING, false)
                .with(SITE_SHUT_DOWN, false);
        runtime.startProcessInstanceById(caseProcessDefinition.get(), c.id(), variables.asMap());
    }

    @EventListener
    void on(ExtensionRequested event) {
        runtime.createMessageCorrelation(CaseProcess.MESSAGE_EXTENSION_REQUESTED)
                .processInstanceBusinessKey(event.caseId())
                .correlate();
    }

    private static String groups(String first, List<Organization> bodies) {
        return Stream.concat(Stream.ofNullable(first), bodies.stream().map(Organization::code))
                .distinct()
                .map(Directory::groupOf)
                .collect(Collectors.joining(","));
    }
}
