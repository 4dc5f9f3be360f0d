package io.rectify.system.security;

import io.rectify.directory.AppUserRepository;
import io.rectify.directory.Directory;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class RectifyUserDetailsService implements UserDetailsService {

    private final AppUserRepository users;
    private final Directory directory;

    RectifyUserDetailsService(AppUserRepository users, Directory directory) {
        this.users = users;
        this.directory = directory;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return users.findByUsername(username)
                .map(user -> new RectifyUserDetails(directory.actorOf(user), user.passwordHash(), user.enabled()))
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }
}
