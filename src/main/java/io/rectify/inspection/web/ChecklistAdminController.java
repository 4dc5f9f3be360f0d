package io.rectify.inspection.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import io.rectify.inspection.Checklist;
import io.rectify.inspection.ChecklistDocument;
import io.rectify.inspection.Checklists;
import io.rectify.kernel.FieldProblem;
import io.rectify.kernel.InvalidInputException;
import io.rectify.system.web.CurrentActor;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The system administrator loads a new year's checklist beside the older ones, and sets a figure the source lacked. */
@RestController
@RequestMapping("/api/admin/inspections/checklists")
class ChecklistAdminController {

    private final Checklists checklists;
    private final CurrentActor currentActor;

    ChecklistAdminController(Checklists checklists, CurrentActor currentActor) {
        this.checklists = checklists;
        this.currentActor = currentActor;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @PostMapping
    ResponseEntity<Checklist> load(@RequestBody ChecklistDocument document) {
        Checklist loaded = checklists.load(currentActor.get(), document);
        return ResponseEntity.created(URI.create("/api/inspections/checklists")).body(loaded);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @PostMapping("/{version}/activate")
    Checklist activate(@PathVariable String version) {
        return checklists.activate(currentActor.get(), version);
    }

    record Points(Object maxPoints) {
    }

    @PreAuthorize("hasRole('ADMIN')")
    @PutMapping("/{version}/items/{code}")
    Checklist setPoints(@PathVariable String version, @PathVariable String code, @RequestBody Points points) {
        List<FieldProblem> problems = new ArrayList<>();
        BigDecimal value = Fields.number(points.maxPoints(), "maxPoints", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return checklists.setPoints(currentActor.get(), version, code, value);
    }
}
