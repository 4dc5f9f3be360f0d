package io.rectify.system.web;

import io.rectify.system.security.LoginFailure;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page; Spring Security takes the POST to /login (username, password, CSRF token). It
 * asks for no session: a visitor who only looks at it, or fails to sign in, leaves no session row.
 */
@PageController
class LoginPage {

    static final String VIEW = "login";

    @GetMapping("/login")
    @PreAuthorize("permitAll()")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout, Model model) {
        model.addAttribute("failed", error != null);
        // why the last sign-in failed, told the person so that they know whether to retry or to wait
        model.addAttribute("failure", error != null ? LoginFailure.messageKey(error) : null);
        model.addAttribute("signedOut", logout != null);
        return VIEW;
    }
}
