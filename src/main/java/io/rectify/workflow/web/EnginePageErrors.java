package io.rectify.workflow.web;

import io.rectify.system.web.PageController;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The engine's concurrency conflicts on a page (two people completing one task, a step that moved
 * the process on meanwhile): the 409 page of the layout, "someone else has just dealt with this",
 * as the API answers them with its 409 problem ({@link EngineProblems}). Ordered before the
 * pages' own errors, whose catch-all would make them a 500.
 */
@ControllerAdvice(annotations = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class EnginePageErrors {

    /** the error page of the layout, as the pages' own errors show it */
    static final String VIEW = "error";
    private static final Logger log = LoggerFactory.getLogger(EnginePageErrors.class);

    @ExceptionHandler({OptimisticLockingException.class, MismatchingMessageCorrelationException.class})
    String conflict(RuntimeException e, Model model, HttpServletResponse response) {
        log.info("engine refused a concurrent change on a page: {}", e.getMessage());
        response.setStatus(HttpStatus.CONFLICT.value());
        model.addAttribute("status", HttpStatus.CONFLICT.value());
        return VIEW;
    }
}
