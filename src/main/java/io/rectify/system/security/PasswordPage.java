package io.rectify.system.security;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.rectify.kernel.FieldProblem;
import io.rectify.kernel.InvalidInputException;
import io.rectify.system.web.CurrentActor;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The page where a user changes their password; an account created by the administrator is held here until then. */
@Controller
class PasswordPage {

    static final String VIEW = "account/password";

    private final Accounts accounts;
    private final CurrentActor currentActor;
    private final SignedInSession session;
    private final MessageSource messages;

    PasswordPage(Accounts accounts, CurrentActor currentActor, SignedInSession session, MessageSource messages) {
        this.accounts = accounts;
        this.currentActor = currentActor;
        this.session = session;
        this.messages = messages;
    }

    @GetMapping(PasswordChangeFirst.PAGE)
    @PreAuthorize("isAuthenticated()")
    String show(@AuthenticationPrincipal RectifyUserDetails user, @RequestParam(required = false) String changed,
                Model model) {
        model.addAttribute("forced", user != null && user.mustChangePassword());
        model.addAttribute("changed", changed != null);
        model.addAttribute("errors", Map.of());
        return VIEW;
    }

    @PostMapping(PasswordChangeFirst.PAGE)
    @PreAuthorize("isAuthenticated()")
    String change(@AuthenticationPrincipal RectifyUserDetails user, @RequestParam(required = false) String currentPassword,
                  @RequestParam(required = false) String newPassword, @RequestParam(required = false) String newPasswordAgain,
                  HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            if (!Objects.equals(newPassword, newPasswordAgain)) {
                throw InvalidInputException.of("newPasswordAgain", "password.mismatch", "两次输入的新密码不一致");
            }
            accounts.changeOwnPassword(currentActor.get().username(), currentPassword, newPassword,
                    request.getRemoteAddr(), SignedInSession.idOf(request));
        } catch (InvalidInputException e) {
            for (FieldProblem p : e.problems()) {
                errors.merge(p.field(), messages.getMessage(p.code(), p.args().toArray(), p.defaultMessage(), locale),
                        (a, b) -> a + " " + b);
            }
            model.addAttribute("forced", user != null && user.mustChangePassword());
            model.addAttribute("changed", false);
            model.addAttribute("errors", errors);
            response.setStatus(400);
            return VIEW;
        }
        session.passwordChanged(request, response);
        return "redirect:" + PasswordChangeFirst.PAGE + "?changed";
    }
}
