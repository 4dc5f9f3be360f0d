package io.rectify.notification.web;

import org.springframework.security.access.prepost.PreAuthorize;
import java.util.Locale;

import io.rectify.notification.NotificationCentre;
import io.rectify.system.web.PageController;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The notification centre page: the person's notifications, marking one or all read. */
@PageController
class NotificationPages {

    static final String VIEW = "notifications/centre";

    private final NotificationCentre centre;

    NotificationPages(NotificationCentre centre) {
        this.centre = centre;
    }

    @PreAuthorize("isAuthenticated()")
    @GetMapping("/notifications")
    String centre(Authentication caller, @RequestParam(required = false) String unread, Locale locale, Model model) {
        boolean unreadOnly = "true".equalsIgnoreCase(unread);
        model.addAttribute("inbox", centre.of(caller.getName(), unreadOnly, locale));
        model.addAttribute("unreadOnly", unreadOnly);
        return VIEW;
    }

    @PreAuthorize("isAuthenticated()")
    @PostMapping("/notifications/{id}/read")
    String read(Authentication caller, @PathVariable String id, @RequestParam(required = false) String unread,
                RedirectAttributes redirect) {
        centre.markRead(caller.getName(), NotificationApi.id(id));
        redirect.addFlashAttribute("flash", "notify.flash.read");
        return "true".equalsIgnoreCase(unread) ? "redirect:/notifications?unread=true" : "redirect:/notifications";
    }

    @PreAuthorize("isAuthenticated()")
    @PostMapping("/notifications/read-all")
    String readAll(Authentication caller, RedirectAttributes redirect) {
        int marked = centre.markAllRead(caller.getName());
        redirect.addFlashAttribute("flash", "notify.flash.readAll");
        redirect.addFlashAttribute("flashArg", marked);
        return "redirect:/notifications";
    }
}
