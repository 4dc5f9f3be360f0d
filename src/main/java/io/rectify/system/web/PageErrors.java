package io.rectify.system.web;

import io.rectify.kernel.ConflictException;
import io.rectify.kernel.ForbiddenException;
import io.rectify.kernel.InvalidInputException;
import io.rectify.kernel.NotFoundException;
import io.rectify.kernel.StorageUnavailableException;
import io.rectify.kernel.UnsupportedTypeException;
import io.rectify.system.security.SecurityEvents;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
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
 * may not do, 409 when someone else was quicker, 507/503 when the file store is full or read-only,
 * 503 while the database is out of reach. Runs before {@code ApiProblems}.
 */
@ControllerAdvice(annotations = PageController.class)
// one after the first: a module's own page errors (the engine's conflicts) come before this catch-all
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class PageErrors {

    static final String VIEW = "error";
    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    private final DatabaseOutage outage;
    private final SecurityEvents events;

    PageErrors(DatabaseOutage outage, SecurityEvents events) {
        this.outage = outage;
        this.events = events;
    }

    @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
    String notFound(Exception e, Model model, HttpServletRequest request, HttpServletResponse response) {
        events.refused(request, "ACCESS_REFUSED", HttpStatus.NOT_FOUND.value());
        return page(HttpStatus.NOT_FOUND, model, response);
    }

    @ExceptionHandler({ForbiddenException.class, AccessDeniedException.class})
    String forbidden(RuntimeException e, Model model, HttpServletRequest request, HttpServletResponse response) {
        events.refused(request, "ACCESS_REFUSED", HttpStatus.FORBIDDEN.value());
        return page(HttpStatus.FORBIDDEN, model, response);
    }

    /** A task completed meanwhile, or a case another person changed first (its version moved on). */
    @ExceptionHandler({ConflictException.class, OptimisticLockingFailureException.class})
    String conflict(RuntimeException e, Model model, HttpServletResponse response) {
        log.info("a page's change came second: {}", e.getMessage());
        return page(HttpStatus.CONFLICT, model, response);
    }

    /** The attachment volume is full (507) or read-only (503): nothing was stored, the case is as it was. */
    @ExceptionHandler(StorageUnavailableException.class)
    String storage(StorageUnavailableException e, Model model, HttpServletResponse response) {
        log.error("an upload was refused, {}: {}", e.getMessage(), String.valueOf(e.getCause()));
        return page(e.full() ? HttpStatus.INSUFFICIENT_STORAGE : HttpStatus.SERVICE_UNAVAILABLE, model, response);
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
