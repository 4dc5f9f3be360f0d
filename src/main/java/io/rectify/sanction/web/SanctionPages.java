package io.rectify.sanction.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.rectify.directory.Actor;
import io.rectify.directory.Role;
import io.rectify.sanction.SanctionService;
import io.rectify.kernel.ForbiddenException;
import io.rectify.system.web.CurrentActor;
import io.rectify.system.web.PageController;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sanctions registry. The records name officials: the service decides who reads them, masks
 * what a reader may not see, and audits every read — so the page searches only when asked to,
 * never on the way in.
 */
@PageController
class SanctionPages {

    static final String VIEW_REGISTRY = "sanctions/registry";
    /** the roles of the @PreAuthorize below, as the service also decides them */
    static final Set<Role> REGISTRY_READERS = EnumSet.of(Role.SUPERVISION, Role.ADMIN, Role.AUDIT_ADMIN);

    private final SanctionService sanctions;
    private final CurrentActor currentActor;

    SanctionPages(SanctionService sanctions, CurrentActor currentActor) {
        this.sanctions = sanctions;
        this.currentActor = currentActor;
    }

    @GetMapping("/sanctions")
    @PreAuthorize("hasAnyRole('SUPERVISION', 'ADMIN', 'AUDIT_ADMIN')")
    String registry(@RequestParam(required = false) String personName, @RequestParam(required = false) String orgCode,
                    @RequestParam(required = false) String search, Model model) {
        Actor actor = currentActor.get();
        model.addAttribute("personName", personName);
        model.addAttribute("orgCode", orgCode);
        model.addAttribute("searched", search != null);
        if (search == null) {
            // nothing is read until asked; the roles the service lets read the registry get the form
            if (!REGISTRY_READERS.contains(actor.role())) {
                throw new ForbiddenException("the sanctions registry is for supervision bodies and administrators");
            }
            model.addAttribute("results", List.of());
            return VIEW_REGISTRY;
        }
        // the service masks names for readers who may not see them and records the read
        model.addAttribute("results", sanctions.search(actor, personName, orgCode));
        // only the supervision body reads cases; the administrators see the registry, not the case
        model.addAttribute("linkCases", actor.role() == Role.SUPERVISION);
        return VIEW_REGISTRY;
    }
}
