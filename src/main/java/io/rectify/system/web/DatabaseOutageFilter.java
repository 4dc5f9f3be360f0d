package io.rectify.system.web;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The database out of reach where no controller advice sees it: the session looked up and the
 * credentials checked before any controller, a failure the API's advice does not know by type
 * (the engine's), the session written after the answer. Outermost of all filters, so it sees
 * what the session and security filters let through; answers as {@link ApiProblems} and
 * {@link PageErrors} would: the 503 problem on the API, the 503 page (Spring Boot's error page,
 * the layout's {@code error} view) elsewhere. An answer already on its way is left alone.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseOutageFilter extends OncePerRequestFilter {

    private final DatabaseOutage outage;
    private final ApiProblems problems;
    private final ObjectMapper json;

    DatabaseOutageFilter(DatabaseOutage outage, ApiProblems problems, ObjectMapper json) {
        this.outage = outage;
        this.problems = problems;
        this.json = json;
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
                response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                json.writeValue(response.getOutputStream(), problems.databaseUnavailable().getBody());
            } else {
                response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
            }
        }
    }
}
