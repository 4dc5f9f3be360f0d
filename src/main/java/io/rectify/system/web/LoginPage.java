package io.rectify.system.web;

import io.rectify.system.security.AddressThrottledException;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page; Spring Security takes the POST to /login (username, password, CSRF token). */
@PageController
class LoginPage {

    static final String VIEW = "login";

    @GetMapping("/login")
    @PreAuthorize("permitAll()")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
                 HttpSession session, Model model) {
        model.addAttribute("failed", error != null);
        model.addAttribute("failure", error != null ? failureKey(session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION)) : null);
        model.addAttribute("signedOut", logout != null);
        return VIEW;
    }

    /** Why the last sign-in failed, told the person so that they know whether to retry or to wait. */
    private static String failureKey(Object exception) {
        if (exception instanceof LockedException) {
            return "login.locked";
        }
        if (exception instanceof DisabledException) {
            return "login.disabled";
        }
        if (exception instanceof AddressThrottledException) {
            return "login.throttled";
        }
        return "login.failed";
    }
}
