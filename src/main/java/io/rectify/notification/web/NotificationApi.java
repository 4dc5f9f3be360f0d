package io.rectify.notification.web;

import org.springframework.security.access.prepost.PreAuthorize;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.rectify.kernel.InvalidInputException;
import io.rectify.kernel.NotFoundException;
import io.rectify.notification.NotificationCentre;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's notification centre: their own entries, newest first, and marking them read. */
@RestController
@RequestMapping("/api/notifications")
class NotificationApi {

    private final NotificationCentre centre;

    NotificationApi(NotificationCentre centre) {
        this.centre = centre;
    }

    @PreAuthorize("isAuthenticated()")
    @GetMapping
    Inbox list(Authentication caller, @RequestParam(required = false) String unread, Locale locale) {
        NotificationCentre.Inbox inbox = centre.of(caller.getName(), unreadOnly(unread), locale);
        return new Inbox(inbox.items().stream().map(Item::of).toList(), inbox.unread());
    }

    @PreAuthorize("isAuthenticated()")
    @PostMapping("/{id}/read")
    Map<String, Object> read(Authentication caller, @PathVariable String id) {
        centre.markRead(caller.getName(), id(id));
        return Map.of("id", id(id), "unread", centre.unread(caller.getName()));
    }

    @PreAuthorize("isAuthenticated()")
    @PostMapping("/read-all")
    Map<String, Object> readAll(Authentication caller) {
        return Map.of("marked", centre.markAllRead(caller.getName()), "unread", 0);
    }

    static boolean unreadOnly(String unread) {
        if (unread == null || unread.isBlank() || "false".equalsIgnoreCase(unread.strip())) {
            return false;
        }
        if ("true".equalsIgnoreCase(unread.strip())) {
            return true;
        }
        throw InvalidInputException.of("unread", "notify.unread.invalid", "unread 只能是 true 或 false");
    }

    /** An entry's id as the path gives it: anything but a number names no entry (404). */
    static long id(String id) {
        if (id == null || !id.matches("\\d{1,18}")) {
            throw new NotFoundException("notification " + id);
        }
        return Long.parseLong(id);
    }

    record Item(long id, String kind, String caseId, String title, OffsetDateTime createdAt, OffsetDateTime readAt) {
        static Item of(NotificationCentre.Entry entry) {
            return new Item(entry.id(), entry.kind(), entry.caseId(), entry.title(), entry.createdAt(), entry.readAt());
        }
    }

    record Inbox(List<Item> items, long unread) {
    }
}
