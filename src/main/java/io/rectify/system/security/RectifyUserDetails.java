package io.rectify.system.security;

import java.util.Collection;
import java.util.List;

import io.rectify.directory.Actor;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A signed-in user: the Spring Security principal, carrying the actor the services check. */
public final class RectifyUserDetails implements UserDetails {

    private final Actor actor;
    private final String passwordHash;
    private final boolean enabled;
    private final boolean locked;
    private final boolean mustChangePassword;
    private final boolean approved;

    RectifyUserDetails(Actor actor, String passwordHash, boolean enabled, boolean locked, boolean mustChangePassword,
                       boolean approved) {
        this.actor = actor;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.locked = locked;
        this.mustChangePassword = mustChangePassword;
        this.approved = approved;
    }

    /** The same user after choosing their own password: no longer held at the password page. */
    RectifyUserDetails withPasswordChanged() {
        return new RectifyUserDetails(actor, null, enabled, locked, false, approved);
    }

    /** An account an administrator created, whose user has not yet chosen their own password. */
    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    public Actor actor() {
        return actor;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + actor.role().name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return actor.username();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    /**
     * An account pending the security administrator's approval is not yet valid: Spring Security
     * refuses it as it refuses an expired one ({@link org.springframework.security.authentication.AccountExpiredException}).
     */
    @Override
    public boolean isAccountNonExpired() {
        return approved;
    }
}
