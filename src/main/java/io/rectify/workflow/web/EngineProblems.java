package io.rectify.workflow.web;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The engine's concurrency conflicts, reported as 409 like the application's own: two people
 * acted on the same case at once and one of them won. The API's problem; a page shows the 409
 * page ({@link EnginePageErrors}).
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class EngineProblems {

    private static final Logger log = LoggerFactory.getLogger(EngineProblems.class);

    private final MessageSource messages;

    EngineProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler({OptimisticLockingException.class, MismatchingMessageCorrelationException.class})
    ResponseEntity<ProblemDetail> conflict(RuntimeException e) {
        log.info("engine refused a concurrent change: {}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, messages.getMessage(
                "problem.concurrent", null, "该案件刚被他人处理，请刷新后再试", LocaleContextHolder.getLocale()));
        problem.setTitle(HttpStatus.CONFLICT.getReasonPhrase());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }
}
