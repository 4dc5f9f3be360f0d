package io.rectify.security;

import java.sql.SQLTransientConnectionException;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The application's account lookup, except for one username whose lookup meets the database out
 * of reach as the pool reports it: the outage of one sign-in, in the shared test application
 * (a second application in the same JVM would register a second engine under the same name).
 * Every other account is looked up, and its hash upgraded, by the application's own service.
 */
public final class UnreachableAccount implements UserDetailsService, UserDetailsPasswordService {

    public static final String USERNAME = "lookup.unreachable";

    private final UserDetailsService users;

    private UnreachableAccount(UserDetailsService users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        if (USERNAME.equals(username)) {
            throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                    new SQLTransientConnectionException("HikariPool-1 - Connection is not available, "
                            + "request timed out after 3000ms"));
        }
        return users.loadUserByUsername(username);
    }

    @Override
    public UserDetails updatePassword(UserDetails user, String newEncodedPassword) {
        return ((UserDetailsPasswordService) users).updatePassword(user, newEncodedPassword);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        @Primary
        UnreachableAccount unreachableAccount(@Qualifier("rectifyUserDetailsService") UserDetailsService users) {
            return new UnreachableAccount(users);
        }
    }
}
