package io.rectify.admin.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.rectify.directory.AppUser;
import io.rectify.directory.Liaison;
import io.rectify.directory.Liaisons;
import io.rectify.kernel.NotFoundException;
import io.rectify.system.web.CurrentActor;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The liaisons of each body and the mail addresses of accounts, kept by the system administrator.
 * The offices read a body's liaisons (whom they serve an order on); departments do not (403).
 */
@RestController
class LiaisonApi {

    private final Liaisons liaisons;
    private final CurrentActor currentActor;

    LiaisonApi(Liaisons liaisons, CurrentActor currentActor) {
        this.liaisons = liaisons;
        this.currentActor = currentActor;
    }

    @GetMapping("/api/admin/bodies/{code}/liaisons")
    @PreAuthorize("hasRole('ADMIN')")
    List<Liaison> list(@PathVariable String code) {
        return liaisons.of(currentActor.get(), code);
    }

    /** The same list for the offices (and the administrator). */
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    @GetMapping("/api/bodies/{code}/liaisons")
    List<Liaison> listForOffices(@PathVariable String code) {
        return liaisons.of(currentActor.get(), code);
    }

    @PostMapping("/api/admin/bodies/{code}/liaisons")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Liaison> add(@PathVariable String code, @RequestBody(required = false) Liaisons.LiaisonEdit liaison) {
        Liaison added = liaisons.add(currentActor.get(), code, liaison);
        return ResponseEntity.created(URI.create("/api/admin/bodies/" + code + "/liaisons/" + added.id())).body(added);
    }

    @PutMapping("/api/admin/bodies/{code}/liaisons/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    Liaison edit(@PathVariable String code, @PathVariable String id,
                 @RequestBody(required = false) Liaisons.LiaisonEdit liaison) {
        return liaisons.edit(currentActor.get(), code, liaisonId(id), liaison);
    }

    @DeleteMapping("/api/admin/bodies/{code}/liaisons/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Void> remove(@PathVariable String code, @PathVariable String id) {
        liaisons.remove(currentActor.get(), code, liaisonId(id));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/api/admin/users/{username}/mail")
    @PreAuthorize("hasRole('ADMIN')")
    Map<String, Object> userMail(@PathVariable String username, @RequestBody(required = false) MailEdit edit) {
        AppUser user = liaisons.changeMail(currentActor.get(), username, edit == null ? null : edit.mail());
        return mailView(user);
    }

    /** Anyone signed in: their own mail address. */
    @PreAuthorize("isAuthenticated()")
    @GetMapping("/api/account/mail")
    Map<String, Object> ownMail() {
        String username = currentActor.get().username();
        Map<String, Object> view = new java.util.LinkedHashMap<>();
        view.put("username", username);
        view.put("mail", liaisons.mailOf(username));
        return view;
    }

    @PreAuthorize("isAuthenticated()")
    @PutMapping("/api/account/mail")
    Map<String, Object> changeOwnMail(@RequestBody(required = false) MailEdit edit) {
        return mailView(liaisons.changeOwnMail(currentActor.get(), edit == null ? null : edit.mail()));
    }

    private static Map<String, Object> mailView(AppUser user) {
        Map<String, Object> view = new java.util.LinkedHashMap<>();
        view.put("username", user.username());
        view.put("mail", user.mail());
        return view;
    }

    static long liaisonId(String id) {
        if (id == null || !id.matches("\\d{1,18}")) {
            throw new NotFoundException("liaison " + id);
        }
        return Long.parseLong(id);
    }

    record MailEdit(String mail) {
    }
}
