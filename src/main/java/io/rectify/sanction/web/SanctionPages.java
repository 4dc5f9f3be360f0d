package io.rectify.sanction.web;

import java.util.List;

import io.rectify.directory.Actor;
import io.rectify.sanction.SanctionService;
import io.rectify.system.web.CurrentActor;
import io.rectify.system.web.PageController;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sanctions registry, for supervision bodies. The records name officials: the service keeps
 * each reader to its region and audits every read — so the page searches only when asked to,
 * never on the way in.
 */
@PageController
class SanctionPages {

    static final String VIEW_REGISTRY = "sanctions/registry";
    private final SanctionService sanctions;
    private final CurrentActor currentActor;

    SanctionPages(SanctionService sanctions, CurrentActor currentActor) {
        this.sanctions = sanctions;
        this.currentActor = currentActor;
    }

    @GetMapping("/sanctions")
    @PreAuthorize("hasRole('SUPERVISION')")
    String registry(@RequestParam(required = false) String personName, @RequestParam(required = false) String orgCode,
                    @RequestParam(required = false) String search, Model model) {
        Actor actor = currentActor.get();
        model.addAttribute("personName", personName);
        model.addAttribute("orgCode", orgCode);
        model.addAttribute("searched", search != null);
        if (search == null) {
            // nothing is read until asked
            model.addAttribute("results", List.of());
            return VIEW_REGISTRY;
        }
        // the service keeps the reader to its region and records the read
        model.addAttribute("results", sanctions.search(actor, personName, orgCode));
        return VIEW_REGISTRY;
    }
}
