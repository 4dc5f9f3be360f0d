package io.rectify.system.security;

import io.rectify.directory.BodyApproval;
import io.rectify.kernel.ConflictException;
import io.rectify.kernel.NotFoundException;
import io.rectify.system.web.CurrentActor;
import io.rectify.system.web.PageController;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The security administrator's page: every account with its state, and the buttons to unlock,
 * disable and enable one. The same {@link Accounts} methods as the API do the work (and write the
 * audit record); each button posts and comes back here with a notice (post/redirect/get).
 */
@PageController
class SecurityAccountsPage {

    static final String PAGE = "/security/accounts";
    static final String VIEW = "security/accounts";

    private final Accounts accounts;
    private final BodyApproval bodies;
    private final CurrentActor currentActor;

    SecurityAccountsPage(Accounts accounts, BodyApproval bodies, CurrentActor currentActor) {
        this.accounts = accounts;
        this.bodies = bodies;
        this.currentActor = currentActor;
    }

    @GetMapping(PAGE)
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    String list(Model model) {
        model.addAttribute("accounts", accounts.list(currentActor.get()));
        model.addAttribute("me", currentActor.get().username());
        model.addAttribute("pendingBodies", bodies.pending(currentActor.get()));
        return VIEW;
    }

    /** An office or supervision body the system administrator created, approved from the same page. */
    @PostMapping("/security/bodies/{code}/approve")
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    String approveBody(@PathVariable String code, RedirectAttributes redirect) {
        String notice = "security.bodies.approved";
        boolean refused = false;
        try {
            bodies.approve(currentActor.get(), code);
        } catch (ConflictException approvedMeanwhile) {
            notice = "security.bodies.refused.approved";
            refused = true;
        } catch (NotFoundException gone) {
            notice = "security.bodies.gone";
            refused = true;
        }
        redirect.addFlashAttribute("notice", notice);
        redirect.addFlashAttribute("noticeArg", code);
        redirect.addFlashAttribute("noticeRefused", refused);
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/{username}/unlock")
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    String unlock(@PathVariable String username, RedirectAttributes redirect) {
        return act(username, "unlocked", redirect, () -> accounts.unlock(currentActor.get(), username));
    }

    /** The approval's one-time password is shown once, in the notice of the page the browser is sent back to. */
    @PostMapping(PAGE + "/{username}/approve")
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    String approve(@PathVariable String username, RedirectAttributes redirect) {
        String page = act(username, "approved", redirect, () -> {
            Accounts.ApprovedAccount approved = accounts.approve(currentActor.get(), username);
            redirect.addFlashAttribute("oneTimePassword", approved.initialPassword());
        });
        return page;
    }

    @PostMapping(PAGE + "/{username}/disable")
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    String disable(@PathVariable String username, RedirectAttributes redirect) {
        return act(username, "disabled", redirect, () -> accounts.disable(currentActor.get(), username));
    }

    @PostMapping(PAGE + "/{username}/enable")
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    String enable(@PathVariable String username, RedirectAttributes redirect) {
        return act(username, "enabled", redirect, () -> accounts.enable(currentActor.get(), username));
    }

    /**
     * Runs one action and says what came of it. The refusals a person can meet here (their own
     * account, an administrator, an account approved meanwhile, an account gone since the list was
     * drawn) are notices on the list, not error pages.
     */
    private String act(String username, String done, RedirectAttributes redirect, Runnable action) {
        String notice;
        boolean refused = false;
        try {
            action.run();
            notice = "security.accounts." + done;
        } catch (ConflictException conflict) {
            // one's own account, an administrator, or an account that is not pending
            notice = username.equals(currentActor.get().username()) ? "security.accounts.notYourself"
                    : "security.accounts.refused." + done;
            refused = true;
        } catch (NotFoundException gone) {
            notice = "security.accounts.gone";
            refused = true;
        }
        redirect.addFlashAttribute("notice", notice);
        redirect.addFlashAttribute("noticeArg", username);
        redirect.addFlashAttribute("noticeRefused", refused);
        return "redirect:" + PAGE;
    }
}
