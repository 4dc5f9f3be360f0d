package io.rectify.monitoring.web;

import org.springframework.security.access.prepost.PreAuthorize;
import io.rectify.monitoring.internal.Monitor;
import io.rectify.monitoring.internal.SiteHealth;
import io.rectify.system.web.CurrentActor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The sites of a jurisdiction with their health, and one site's checks with its distance to each veto line. */
@Controller
class WebsitePages {

    static final String VIEW_LIST = "websites/list";
    static final String VIEW_SITE = "websites/site";

    private final SiteHealth health;
    private final Monitor monitor;
    private final CurrentActor currentActor;

    WebsitePages(SiteHealth health, Monitor monitor, CurrentActor currentActor) {
        this.health = health;
        this.monitor = monitor;
        this.currentActor = currentActor;
    }

    @PreAuthorize("hasAnyRole('SUPERVISOR', 'RESPONDER', 'ADMIN')")
    @GetMapping("/websites")
    String list(@RequestParam(required = false) String orgCode, Model model) {
        model.addAttribute("sites", health.sites(currentActor.get(), orgCode));
        return VIEW_LIST;
    }

    @PreAuthorize("hasAnyRole('SUPERVISOR', 'RESPONDER', 'ADMIN')")
    @GetMapping("/websites/{id}")
    String site(@PathVariable String id, Model model) {
        health.requireReader(currentActor.get());
        long websiteId = WebsitesApi.id(id);
        model.addAttribute("site", health.visible(currentActor.get(), websiteId));
        model.addAttribute("results", health.results(websiteId));
        model.addAttribute("mayRun", currentActor.get().role() == io.rectify.directory.Role.SUPERVISOR
                || currentActor.get().role() == io.rectify.directory.Role.ADMIN);
        return VIEW_SITE;
    }

    @PreAuthorize("hasAnyRole('SUPERVISOR', 'RESPONDER', 'ADMIN')")
    @PostMapping("/websites/{id}/checks/run")
    String run(@PathVariable String id, RedirectAttributes redirect) {
        health.requireReader(currentActor.get());
        long websiteId = WebsitesApi.id(id);
        health.runnable(currentActor.get(), websiteId);
        monitor.runNow(websiteId);
        redirect.addFlashAttribute("ran", true);
        return "redirect:/websites/" + websiteId;
    }
}
