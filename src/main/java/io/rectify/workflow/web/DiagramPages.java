package io.rectify.workflow.web;

import java.util.Locale;
import java.util.stream.Collectors;

import io.rectify.casefile.CaseService;
import io.rectify.casefile.OpenTasks;
import io.rectify.casefile.RectificationCase;
import io.rectify.system.web.CurrentActor;
import io.rectify.system.web.PageController;
import io.rectify.workflow.ProcessDiagrams;
import io.rectify.workflow.StepNames;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The process diagram of a case: the picture itself, and a page that shows it at its own size, one
 * click from the case page's step bar (squeezed into the case page it could not be read). Same
 * access as the case itself.
 */
@PageController
class DiagramPages {

    static final MediaType SVG = new MediaType("image", "svg+xml", java.nio.charset.StandardCharsets.UTF_8);
    static final String VIEW_DIAGRAM = "cases/diagram";

    private final ProcessDiagrams diagrams;
    private final CaseService cases;
    private final OpenTasks openTasks;
    private final StepNames stepNames;
    private final CurrentActor currentActor;

    DiagramPages(ProcessDiagrams diagrams, CaseService cases, OpenTasks openTasks, StepNames stepNames,
                 CurrentActor currentActor) {
        this.diagrams = diagrams;
        this.cases = cases;
        this.openTasks = openTasks;
        this.stepNames = stepNames;
        this.currentActor = currentActor;
    }

    /** Any signed-in user; whether they may see this case is the case service's rule (404 if not). */
    @GetMapping("/cases/{id}/diagram.svg")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<String> diagram(@PathVariable String id, Locale locale) {
        String svg = diagrams.svg(currentActor.get(), id, locale);
        // the steps move on as people act: never show yesterday's picture from a cache
        return ResponseEntity.ok().contentType(SVG).cacheControl(CacheControl.noStore()).body(svg);
    }

    /** The page around the picture, whose text alternative names the current steps. */
    @GetMapping("/cases/{id}/diagram")
    @PreAuthorize("isAuthenticated()")
    String page(@PathVariable String id, Model model, Locale locale) {
        RectificationCase c = cases.visible(currentActor.get(), id); // 404 unless the caller may see it
        model.addAttribute("caseId", c.id());
        model.addAttribute("caseNumber", c.caseNumber());
        model.addAttribute("currentSteps", openTasks.of(id).stream()
                .map(t -> stepNames.of(t.taskKey(), t.name(), locale)).distinct().collect(Collectors.joining("、")));
        return VIEW_DIAGRAM;
    }
}
