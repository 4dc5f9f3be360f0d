package io.rectify.system.web;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /error} is where the container sends a request that failed; asked for directly it has no
 * error to show, so it is a 404 like any other address that is not a page (the container then
 * shows the 404 page through the same {@code /error}, as an error dispatch).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class NoDirectErrorPage extends OncePerRequestFilter {

    /** Only a request from outside: a forward to {@code /error} (the answer to a database outage) is the product's own. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getDispatcherType() != DispatcherType.REQUEST
                || !request.getRequestURI().equals(request.getContextPath() + "/error");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
