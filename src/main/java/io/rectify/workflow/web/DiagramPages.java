package io.rectify.workflow.web;

import java.util.Locale;

import io.rectify.system.web.CurrentActor;
import io.rectify.system.web.PageController;
import io.rectify.workflow.ProcessDiagrams;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The process diagram of a case, for the case page's {@code <img>}: same access as the case itself. */
@PageController
class DiagramPages {

    static final MediaType SVG = new MediaType("image", "svg+xml", java.nio.charset.StandardCharsets.UTF_8);

    private final ProcessDiagrams diagrams;
    private final CurrentActor currentActor;

    DiagramPages(ProcessDiagrams diagrams, CurrentActor currentActor) {
        this.diagrams = diagrams;
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
}
