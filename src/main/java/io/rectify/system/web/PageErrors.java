package io.rectify.system.web;

import io.rectify.system.ConflictException;
import io.rectify.system.ForbiddenException;
import io.rectify.system.InvalidInputException;
import io.rectify.system.NotFoundException;
import io.rectify.system.UnsupportedTypeException;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Errors of the web pages as pages of the layout (the API keeps its problem details): the same
 * 404 for what does not exist and for what the caller may not see, 403 for what they see but
 * may not do, 409 when someone else was quicker; 503 while the database is out of reach. Runs
 * before {@code ApiProblems}.
 */
@ControllerAdvice(annotations = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    static final String VIEW = "error";
    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    private final DatabaseOutage outage;

    PageErrors(DatabaseOutage outage) {
        this.outage = outage;
    }

    @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
    String notFound(Exception e, Model model, HttpServletResponse response) {
        return page(HttpStatus.NOT_FOUND, model, response);
    }

    @ExceptionHandler({ForbiddenException.class, AccessDeniedException.class})
    String forbidden(RuntimeException e, Model model, HttpServletResponse response) {
        return page(HttpStatus.FORBIDDEN, model, response);
    }

    @ExceptionHandler(ConflictException.class)
    String conflict(ConflictException e, Model model, HttpServletResponse response) {
        return page(HttpStatus.CONFLICT, model, response);
    }

    /** A rule a page did not turn into field errors itself: still the person's to fix, never a 500. */
    @ExceptionHandler({InvalidInputException.class, MissingServletRequestParameterException.class})
    String badRequest(Exception e, Model model, HttpServletResponse response) {
        return page(HttpStatus.BAD_REQUEST, model, response);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(MaxUploadSizeExceededException e, Model model, HttpServletResponse response) {
        return page(HttpStatus.PAYLOAD_TOO_LARGE, model, response);
    }

    @ExceptionHandler(UnsupportedTypeException.class)
    String unsupported(UnsupportedTypeException e, Model model, HttpServletResponse response) {
        return page(HttpStatus.UNSUPPORTED_MEDIA_TYPE, model, response);
    }

    /**
     * A failure nobody answered is a 500, except the database out of reach ({@link DatabaseOutage}):
     * that page cannot be drawn here, because answering a page saves its session, in the very
     * database that is away. It goes on to {@link DatabaseOutageFilter}, which answers 503 outside the session.
     */
    @ExceptionHandler(Exception.class)
    String failed(Exception e, Model model, HttpServletResponse response) throws Exception {
        if (outage.noticed(e)) {
            throw e;
        }
        log.error("page failed", e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, model, response);
    }

    private static String page(HttpStatus status, Model model, HttpServletResponse response) {
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        return VIEW;
    }
}
