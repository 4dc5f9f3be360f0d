package io.rectify.inspection.web;

import java.util.List;
import java.util.Map;

import io.rectify.directory.Actor;
import io.rectify.inspection.CircularFromAbove;
import io.rectify.inspection.CircularsFromAbove;
import io.rectify.kernel.InvalidInputException;
import io.rectify.system.web.CurrentActor;
import io.rectify.system.web.PageController;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;

/**
 * The 通报 from above: the list with the import form, and a 通报's page with its lines, their cases
 * and the reply. Plain forms posted back: no script needed.
 */
@PageController
class CircularPages {

    static final String VIEW_CIRCULARS = "inspections/circulars";
    static final String VIEW_CIRCULAR = "inspections/circular";

    private final CircularsFromAbove circulars;
    private final CurrentActor currentActor;

    CircularPages(CircularsFromAbove circulars, CurrentActor currentActor) {
        this.circulars = circulars;
        this.currentActor = currentActor;
    }

    @GetMapping("/inspections/circulars")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String list(Model model) {
        model.addAttribute("circulars", circulars.list(currentActor.get()));
        model.addAttribute("problems", List.of());
        model.addAttribute("form", Map.of());
        return VIEW_CIRCULARS;
    }

    @PostMapping(path = "/inspections/circulars", consumes = "multipart/form-data")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String importList(@RequestPart(name = "file", required = false) MultipartFile file,
                      @RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        Actor actor = currentActor.get();
        try {
            if (file == null || file.isEmpty()) {
                throw InvalidInputException.of("file", "circular.import.empty", "文件中没有通报的问题");
            }
            CircularFromAbove imported = circulars.importList(actor, new CircularsFromAbove.Heading(form.get("issuer"),
                    form.get("number"), form.get("issuedOn"), form.get("replyDue"), form.get("opens")),
                    CircularFromAboveController.rows(file));
            return "redirect:/inspections/circulars/" + imported.id();
        } catch (InvalidInputException invalid) {
            response.setStatus(400);
            model.addAttribute("circulars", circulars.list(actor));
            model.addAttribute("problems", invalid.problems());
            model.addAttribute("form", form);
            return VIEW_CIRCULARS;
        }
    }

    @GetMapping("/inspections/circulars/{id}")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String circular(@PathVariable long id, Model model) {
        Actor actor = currentActor.get();
        CircularFromAbove circular = circulars.visible(actor, id);
        model.addAttribute("circular", circular);
        model.addAttribute("reply", circulars.replyOf(actor, id).orElse(null));
        model.addAttribute("ofTheOffice", circular.officeCode().equals(actor.orgCode()));
        return VIEW_CIRCULAR;
    }

    /** 印发整改情况报告, once; the page then links to it. */
    @PostMapping("/inspections/circulars/{id}/reply")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String reply(@PathVariable long id) {
        circulars.reply(currentActor.get(), id);
        return "redirect:/inspections/circulars/" + id;
    }
}
