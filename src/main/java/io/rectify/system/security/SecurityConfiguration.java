package io.rectify.system.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Two doors: the API (HTTP Basic, stateless, or the browser's session; 401 when neither) and
 * the web pages (form login). Access to data is decided in the services, per object.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Real time, not the business clock: moving the demo clock must not stretch a remembered sign-in. */
    @Bean
    AuthenticationProvider verifiedCredentials(UserDetailsService users, PasswordEncoder passwords) {
        return new VerifiedCredentials(users, passwords, Clock.systemUTC());
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(SecurityConfiguration::unauthorized))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(SecurityConfiguration::unauthorized)
                        .accessDeniedHandler(SecurityConfiguration::forbidden))
                // a request carrying Basic credentials cannot be forged by another site; a session's can.
                // With neither there is nothing to forge: such a request is answered 401, not 403.
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null
                        || request.getSession(false) == null))
                .build();
    }

    /** 401 as the API's other errors: a problem detail (and no WWW-Authenticate, so no browser dialog). */
    private static void unauthorized(HttpServletRequest request, HttpServletResponse response,
                                     AuthenticationException e) throws IOException {
        problem(response, HttpStatus.UNAUTHORIZED,
                "请先登录（HTTP Basic 或已登录的会话）/ Sign in first (HTTP Basic or a signed-in session)");
    }

    /** 403 before any controller: a session's request without its CSRF token. */
    private static void forbidden(HttpServletRequest request, HttpServletResponse response,
                                  AccessDeniedException e) throws IOException {
        problem(response, HttpStatus.FORBIDDEN,
                "请求缺少有效的 CSRF 令牌，请刷新页面后重试 / The request lacks a valid CSRF token: reload the page and try again");
    }

    private static void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase()
                + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail + "\"}");
    }

    @Bean
    @Order(2)
    SecurityFilterChain actuator(HttpSecurity http) throws Exception {
        return http
                .securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .httpBasic(basic -> { })
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
                        .anyRequest().authenticated())
                // our page at /login (username, password, CSRF token); Spring Security takes its POST
                .formLogin(form -> form.loginPage("/login").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .build();
    }
}
