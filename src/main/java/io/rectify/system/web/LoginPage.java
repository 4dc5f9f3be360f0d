package io.rectify.system.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page; Spring Security takes the POST to /login (username, password, CSRF token). */
@PageController
class LoginPage {

    static final String VIEW = "login";

    @GetMapping("/login")
    @PreAuthorize("permitAll()")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout, Model model) {
        model.addAttribute("failed", error != null);
        model.addAttribute("signedOut", logout != null);
        return VIEW;
    }
}
