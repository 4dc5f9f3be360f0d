package io.rectify.system.security;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An account an administrator created is used only after its user has chosen their own
 * password: until then every page leads to the password page, and the API answers 403 saying
 * so, except the calls that change the password.
 */
final class PasswordChangeFirst extends OncePerRequestFilter {

    static final String PAGE = "/account/password";
    static final String API = "/api/account/password";

    private static final Set<String> STILL_OPEN = Set.of(PAGE, API, "/logout", "/login", "/error", "/favicon.ico");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof RectifyUserDetails user)
                || !user.mustChangePassword() || open(path(request))) {
            chain.doFilter(request, response);
            return;
        }
        if (path(request).startsWith("/api/")) {
            SecurityProblems.write(response, HttpStatus.FORBIDDEN,
                    "请先修改初始密码（POST /api/account/password）/ Change your initial password first (POST /api/account/password)");
        } else {
            response.sendRedirect(request.getContextPath() + PAGE);
        }
    }

    private static boolean open(String path) {
        return STILL_OPEN.contains(path) || path.startsWith("/css/") || path.startsWith("/js/")
                || path.startsWith("/webjars/") || path.startsWith("/images/");
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
