package io.rectify.system.web;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The database out of reach where no controller advice can answer it: the session looked up and
 * the credentials checked before any controller, a failure the API's advice does not know by
 * type (the engine's), the session saved after the answer. Outermost of all filters, outside the
 * session, so that its answer needs nothing of the database: the API's 503 problem as
 * {@link ApiProblems} writes it, or the 503 page, forwarded to Spring Boot's error page (the
 * {@code error} view) with no session (the session filter does not take forwards). An answer
 * already on its way is left alone.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseOutageFilter extends OncePerRequestFilter {

    private final DatabaseOutage outage;
    private final ApiProblems problems;
    private final ObjectMapper json;
    private final LocaleResolver locales;

    DatabaseOutageFilter(DatabaseOutage outage, ApiProblems problems, ObjectMapper json, LocaleResolver locales) {
        this.outage = outage;
        this.problems = problems;
        this.json = json;
        this.locales = locales;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (response.isCommitted() || !outage.noticed(e)) {
                throw e;
            }
            response.reset();
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS));
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                LocaleContextHolder.setLocale(locales.resolveLocale(request));
                try {
                    response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
                    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                    response.setCharacterEncoding("UTF-8");
                    json.writeValue(response.getOutputStream(), problems.databaseUnavailable().getBody());
                } finally {
                    LocaleContextHolder.resetLocaleContext();
                }
            } else {
                request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, HttpStatus.SERVICE_UNAVAILABLE.value());
                request.getRequestDispatcher("/error").forward(request, response);
            }
        }
    }
}
