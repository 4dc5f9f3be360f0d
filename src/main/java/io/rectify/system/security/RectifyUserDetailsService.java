package io.rectify.system.security;

import io.rectify.directory.AppUserRepository;
import io.rectify.directory.Directory;
import io.rectify.directory.Organization;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class RectifyUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

    private final AppUserRepository users;
    private final Directory directory;
    private final SecurityClock clock;

    RectifyUserDetailsService(AppUserRepository users, Directory directory, SecurityClock clock) {
        this.users = users;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        // an account of a body awaiting the security administrator's approval is pending as well
        return users.findByUsername(username)
                .map(user -> new RectifyUserDetails(directory.actorOf(user), user.passwordHash(), user.enabled(),
                        user.lockedAt(clock.now()), user.mustChangePassword(),
                        user.approved() && directory.findOrganization(user.orgCode()).map(Organization::approved).orElse(true)))
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    /**
     * Called after a successful login whose stored hash is of an older or weaker encoding than
     * the encoder's default: the same password is stored again under the current one.
     */
    @Override
    @Transactional
    public UserDetails updatePassword(UserDetails user, String newEncodedPassword) {
        users.findByUsername(user.getUsername()).ifPresent(found -> found.rehashPassword(newEncodedPassword));
        return loadUserByUsername(user.getUsername());
    }
}
