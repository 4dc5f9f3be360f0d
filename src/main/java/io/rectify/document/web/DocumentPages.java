package io.rectify.document.web;

import io.rectify.directory.Actor;
import io.rectify.directory.Directory;
import io.rectify.directory.Organization;
import io.rectify.directory.Role;
import io.rectify.document.Documents;
import io.rectify.document.IssuedDocument;
import io.rectify.document.Seals;
import io.rectify.kernel.ConflictException;
import io.rectify.kernel.ForbiddenException;
import io.rectify.kernel.InvalidInputException;
import io.rectify.kernel.NotFoundException;
import io.rectify.system.web.CurrentActor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The urge form of the case page, and the administrator's page of a body's seal; plain forms, no script. */
@Controller
class DocumentPages {

    static final String VIEW_SEAL = "seals/seal";

    private final Documents documents;
    private final Seals seals;
    private final Directory directory;
    private final CurrentActor currentActor;

    DocumentPages(Documents documents, Seals seals, Directory directory, CurrentActor currentActor) {
        this.documents = documents;
        this.seals = seals;
        this.directory = directory;
        this.currentActor = currentActor;
    }

    /** 催办 from the case page: back to the case with what happened, in the reader's language. */
    @PreAuthorize("isAuthenticated()")
    @PostMapping("/cases/{id}/urge")
    String urge(@PathVariable String id, @RequestParam(required = false) String message, RedirectAttributes redirect) {
        try {
            IssuedDocument urging = documents.urge(currentActor.get(), id, message);
            redirect.addFlashAttribute("flash", "urge.done");
            redirect.addFlashAttribute("flashArg", urging.number());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", e.problems().get(0).code());
        } catch (ConflictException e) {
            if (e.code() == null) {
                throw e;
            }
            redirect.addFlashAttribute("flashError", e.code());
        }
        return "redirect:/cases/" + id + "#documents";
    }

    @PreAuthorize("hasRole('ADMIN')")
    @GetMapping("/admin/bodies/{code}/seal")
    String seal(@PathVariable String code, Model model) {
        Organization body = body(code);
        model.addAttribute("body", body);
        model.addAttribute("hasSeal", seals.of(code).isPresent());
        model.addAttribute("maxKb", Seals.MAX_BYTES / 1024);
        return VIEW_SEAL;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @PostMapping("/admin/bodies/{code}/seal")
    String putSeal(@PathVariable String code, @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
        body(code);
        try {
            seals.put(currentActor.get(), code, DocumentController.bytes(file));
            redirect.addFlashAttribute("flash", "seal.saved");
            redirect.addFlashAttribute("flashArg", code);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", e.problems().get(0).code());
        }
        return "redirect:/admin/bodies/" + code + "/seal";
    }

    @PreAuthorize("hasRole('ADMIN')")
    @PostMapping("/admin/bodies/{code}/seal/remove")
    String removeSeal(@PathVariable String code, RedirectAttributes redirect) {
        body(code);
        seals.remove(currentActor.get(), code);
        redirect.addFlashAttribute("flash", "seal.removed");
        redirect.addFlashAttribute("flashArg", code);
        return "redirect:/admin/bodies/" + code + "/seal";
    }

    private Organization body(String code) {
        Actor actor = currentActor.get();
        if (actor.role() != Role.ADMIN) {
            throw new ForbiddenException("this is the system administrator's page");
        }
        return directory.findOrganization(code).orElseThrow(() -> new NotFoundException("body " + code));
    }
}
