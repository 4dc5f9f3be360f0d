package io.rectify.system.security;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AccountExpiredException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Three doors: the API (HTTP Basic, stateless, or the browser's session; 401 when neither), the
 * actuator (health only), and the web pages (form login, sessions in the database). Each
 * controller method states the roles that may call it ({@code @PreAuthorize}, checked by method
 * security); access to data is then decided in the services, per object.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(SecuritySettings.class)
class SecurityConfiguration {

    /** The policy of shared-ui.md: nothing inline, nothing from elsewhere, never framed. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    /**
     * Before every other filter, the session's included (its cookie is Secure when the client's
     * request was https): the client's address and scheme from a trusted proxy's {@code Forwarded}.
     */
    @Bean
    FilterRegistrationBean<ForwardedByTrustedProxy> forwardedByTrustedProxy(ServerProperties server) {
        var registration = new FilterRegistrationBean<>(
                new ForwardedByTrustedProxy(server.getTomcat().getRemoteip().getInternalProxies()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Spring's delegating encoder: bcrypt today; hashes of another encoding are upgraded at login. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityClock securityClock() {
        return new SecurityClock(Clock.systemUTC());
    }

    /** Real time, not the business clock: moving the demo clock must not stretch a remembered sign-in. */
    @Bean
    AuthenticationProvider guardedLogin(UserDetailsService users, PasswordEncoder passwords, LoginThrottle throttle,
                                        Accounts accounts, SecurityClock clock) {
        return new GuardedLogin(new VerifiedCredentials(users, passwords, clock.asClock()), throttle, accounts);
    }

    /**
     * One CSRF token store for the pages and the API: a cookie, so that an anonymous visitor (the
     * login page, a refused call) gets no session row; the token travels in the form or header as well,
     * and the cookie is HttpOnly, SameSite=Strict, and Secure over https.
     */
    @Bean
    CookieCsrfTokenRepository csrfTokens() {
        CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
        // the header the API has always taken (the cookie store's own default is X-XSRF-TOKEN)
        tokens.setHeaderName("X-CSRF-TOKEN");
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
        return tokens;
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, CookieCsrfTokenRepository csrfTokens, SecurityEvents events)
            throws Exception {
        return http
                .securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(SecurityConfiguration::unauthorized))
                .securityContext(context -> context.securityContextRepository(new BasicIgnoresTheSession()))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(SecurityConfiguration::unauthorized)
                        .accessDeniedHandler((request, response, e) -> {
                            events.refused(request, e instanceof CsrfException ? "CSRF_REFUSED" : "ACCESS_REFUSED", 403);
                            forbidden(request, response, e);
                        }))
                // nothing to come back to after a 401: no session for it
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                // a request that HTTP Basic authenticates (it is never judged by a session, see
                // BasicIgnoresTheSession) cannot be forged by another site; a session's can. With neither
                // there is nothing to forge: such a request is answered 401, not 403.
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        .ignoringRequestMatchers(request -> BasicIgnoresTheSession.bringsBasic(request)
                                || request.getSession(false) == null))
                .headers(SecurityConfiguration::hardened)
                .addFilterBefore(new PasswordChangeFirst(), AuthorizationFilter.class)
                .build();
    }

    /**
     * 401 as the API's other errors: a problem detail (and no WWW-Authenticate, so no browser
     * dialog); 429 with Retry-After for an address refused after too many failed logins.
     */
    private static void unauthorized(HttpServletRequest request, HttpServletResponse response,
                                     AuthenticationException e) throws IOException {
        if (e instanceof AddressThrottledException throttled) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfterSeconds()));
            SecurityProblems.write(response, HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        } else if (e instanceof LockedException) {
            SecurityProblems.write(response, HttpStatus.UNAUTHORIZED,
                    "账号因多次登录失败已临时锁定，请稍后再试或联系安全管理员 / The account is locked after repeated failed logins: "
                            + "try again later or ask the security administrator");
        } else if (e instanceof DisabledException) {
            SecurityProblems.write(response, HttpStatus.UNAUTHORIZED,
                    "账号已停用，请联系安全管理员 / The account is disabled: ask the security administrator");
        } else if (e instanceof AccountExpiredException) {
            SecurityProblems.write(response, HttpStatus.UNAUTHORIZED,
                    "账号尚待安全管理员批准 / The account awaits the security administrator's approval");
        } else {
            SecurityProblems.write(response, HttpStatus.UNAUTHORIZED,
                    "请先登录（HTTP Basic 或已登录的会话）/ Sign in first (HTTP Basic or a signed-in session)");
        }
    }

    /** 403 before any controller: a session's request without its CSRF token, or a rule of the filter chain. */
    private static void forbidden(HttpServletRequest request, HttpServletResponse response,
                                  AccessDeniedException e) throws IOException {
        SecurityProblems.write(response, HttpStatus.FORBIDDEN, e instanceof CsrfException
                ? "请求缺少有效的 CSRF 令牌，请刷新页面后重试 / The request lacks a valid CSRF token: reload the page and try again"
                : "您的角色不能执行此操作 / Your role may not do this");
    }

    /**
     * On every response. HSTS is sent by Spring only over https; behind a TLS-terminating proxy the
     * proxy sets it (src/docs/security.md).
     */
    static void hardened(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .contentTypeOptions(Customizer.withDefaults())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN));
    }

    @Bean
    @Order(2)
    SecurityFilterChain actuator(HttpSecurity http) throws Exception {
        return http
                .securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(SecurityConfiguration::unauthorized))
                .headers(SecurityConfiguration::hardened)
                .build();
    }

    /**
     * The public error report page and its API (no login): nothing here reads or makes a session.
     * The product's own form carries a CSRF token (the cookie store needs no session); a JSON post
     * cannot come from another site's form (its content type needs the browser's preflight), so it
     * needs none. Disjoint from the actuator's paths, so the order between the two does not matter.
     */
    @Bean
    @Order(2)
    SecurityFilterChain publicPages(HttpSecurity http, CookieCsrfTokenRepository csrfTokens) throws Exception {
        return http
                .securityMatcher("/public/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        .ignoringRequestMatchers(SecurityConfiguration::sendsJson))
                .headers(SecurityConfiguration::hardened)
                .build();
    }

    private static boolean sendsJson(HttpServletRequest request) {
        try {
            return request.getContentType() != null
                    && MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(request.getContentType()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http, CookieCsrfTokenRepository csrfTokens, SecuritySettings settings,
                              FindByIndexNameSessionRepository<? extends Session> sessions, SecurityEvents events)
            throws Exception {
        AccessDeniedHandlerImpl asPagesAnswer = new AccessDeniedHandlerImpl();
        return http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/favicon.svg", "/error").permitAll()
                        .anyRequest().authenticated())
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
                // a refusal before any controller (a form without its CSRF token): on the record, then the 403 page
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) -> {
                    events.refused(request, e instanceof CsrfException ? "CSRF_REFUSED" : "ACCESS_REFUSED", 403);
                    asPagesAnswer.handle(request, response, e);
                }))
                // the page asked for before signing in is remembered in a cookie, not in a session
                .requestCache(cache -> cache.requestCache(new CookieRequestCache()))
                // our page at /login (username, password, CSRF token); Spring Security takes its POST.
                // A refused sign-in returns to /login?error=<why>, whose page says so (wrong password, locked,
                // throttled) without a session to carry the reason
                .formLogin(form -> form.loginPage("/login").permitAll()
                        .failureHandler(LoginFailure::redirect)
                        .authenticationDetailsSource(GuardedLogin.FormLogin::new))
                // a new session id at login (no fixation); the session itself lives in the database, and a
                // user holds at most sessionsPerUser of them: a new sign-in ends the one used least recently,
                // on whichever node it lives (the registry is the session table)
                .sessionManagement(session -> session.sessionFixation().changeSessionId()
                        .maximumSessions(settings.sessionsPerUser())
                        .sessionRegistry(new SessionsEndedAtOnce(sessions)))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").addLogoutHandler((request, response, auth) -> {
                    if (auth != null) {
                        events.signedOut(auth.getName(), request.getRemoteAddr());
                    }
                }))
                .headers(SecurityConfiguration::hardened)
                .addFilterBefore(new PasswordChangeFirst(), AuthorizationFilter.class)
                .build();
    }
}
