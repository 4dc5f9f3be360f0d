package io.rectify.directory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Outside the demo, the product refuses to start while any account still has the demo password. */
@Component
@ConditionalOnProperty(name = "rectify.demo", havingValue = "false")
class NoDemoPasswordInProduction implements ApplicationRunner {

    private final AppUserRepository users;
    private final PasswordEncoder passwords;

    NoDemoPasswordInProduction(AppUserRepository users, PasswordEncoder passwords) {
        this.users = users;
        this.passwords = passwords;
    }

    @Override
    @Transactional(readOnly = true)
    public void run(ApplicationArguments args) {
        for (AppUser user : users.findAll()) {
            if (passwords.matches(DemoData.PASSWORD, user.passwordHash())) {
                throw new IllegalStateException("account '" + user.username()
                        + "' has the demo password: change it before starting outside the demo profile");
            }
        }
    }
}
