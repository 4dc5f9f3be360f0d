package io.rectify.system.security;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.rectify.system.web.CurrentActor;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accounts over the API: each user changes their own password; the system administrator
 * creates accounts (三员分立: it cannot unlock or disable them); the security administrator
 * keeps them (it cannot create them).
 */
@RestController
class AccountController {

    private final Accounts accounts;
    private final CurrentActor currentActor;
    private final SignedInSession session;

    AccountController(Accounts accounts, CurrentActor currentActor, SignedInSession session) {
        this.accounts = accounts;
        this.currentActor = currentActor;
        this.session = session;
    }

    @PostMapping("/api/account/password")
    @PreAuthorize("isAuthenticated()")
    Map<String, Object> changePassword(@RequestBody(required = false) PasswordChange change, HttpServletRequest request,
                                       HttpServletResponse response) {
        PasswordChange given = change == null ? new PasswordChange(null, null) : change;
        accounts.changeOwnPassword(currentActor.get().username(), given.currentPassword(), given.newPassword(),
                request.getRemoteAddr(), SignedInSession.idOf(request));
        session.passwordChanged(request, response);
        return Map.of("changed", true);
    }

    record PasswordChange(String currentPassword, String newPassword) {
    }

    @PostMapping("/api/admin/users")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Accounts.AccountView> create(@RequestBody(required = false) Accounts.NewAccount account) {
        Accounts.AccountView created = accounts.create(currentActor.get(),
                account == null ? new Accounts.NewAccount(null, null, null, null, null) : account);
        return ResponseEntity.created(URI.create("/api/security/accounts/" + created.username())).body(created);
    }

    @GetMapping("/api/security/accounts")
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    List<Accounts.AccountView> list() {
        return accounts.list(currentActor.get());
    }

    @PostMapping("/api/security/accounts/{username}/unlock")
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    Accounts.AccountView unlock(@PathVariable String username) {
        return accounts.unlock(currentActor.get(), username);
    }

    /** Approves a pending account; the answer carries its one-time password, shown this once. */
    @PostMapping("/api/security/accounts/{username}/approve")
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    Accounts.ApprovedAccount approve(@PathVariable String username) {
        return accounts.approve(currentActor.get(), username);
    }

    @PostMapping("/api/security/accounts/{username}/disable")
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    Accounts.AccountView disable(@PathVariable String username) {
        return accounts.disable(currentActor.get(), username);
    }

    @PostMapping("/api/security/accounts/{username}/enable")
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    Accounts.AccountView enable(@PathVariable String username) {
        return accounts.enable(currentActor.get(), username);
    }
}
