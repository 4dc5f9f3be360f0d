package io.rectify.system.web;

import io.rectify.directory.Actor;
import io.rectify.system.security.RectifyUserDetails;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.stereotype.Component;

/** The actor of the current request, for controllers to hand to the services. */
@Component
public class CurrentActor {

    public Actor get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof RectifyUserDetails user) {
            return user.actor();
        }
        throw new AuthenticationCredentialsNotFoundException("not signed in");
    }
}
