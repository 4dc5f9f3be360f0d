package io.rectify.admin.web;

import io.rectify.directory.Actor;
import io.rectify.directory.Role;
import io.rectify.kernel.ForbiddenException;

/**
 * The role check of the administrator's endpoints that call no service deciding it (the calendar):
 * the same rule as their {@code @PreAuthorize("hasRole('ADMIN')")}, enforced whether or not method
 * security is on.
 */
final class AdminRole {

    private AdminRole() {
    }

    static void require(Actor actor) {
        if (actor.role() != Role.ADMIN) {
            throw new ForbiddenException("this is the system administrator's page");
        }
    }
}
