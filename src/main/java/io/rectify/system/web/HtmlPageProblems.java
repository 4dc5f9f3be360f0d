package io.rectify.system.web;

import io.rectify.system.ForbiddenException;
import io.rectify.system.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Refusals of the web pages, as pages in the reader's language: 403 for what the caller may not do
 * (a role-level {@code @PreAuthorize} or a service's rule), 404 for what they may not see, which
 * looks exactly like what does not exist. Ordered before the API's problem details, and applied
 * only to controllers marked {@link HtmlPages}.
 */
@ControllerAdvice(annotations = HtmlPages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class HtmlPageProblems {

    static final String VIEW_FORBIDDEN = "error/403";
    static final String VIEW_NOT_FOUND = "error/404";

    @ExceptionHandler({ForbiddenException.class, AccessDeniedException.class})
    ModelAndView forbidden() {
        return new ModelAndView(VIEW_FORBIDDEN, HttpStatus.FORBIDDEN);
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound() {
        return new ModelAndView(VIEW_NOT_FOUND, HttpStatus.NOT_FOUND);
    }
}
