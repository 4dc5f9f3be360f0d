package io.rectify.system.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.rectify.kernel.ConflictException;
import io.rectify.kernel.FieldProblem;
import io.rectify.kernel.ForbiddenException;
import io.rectify.kernel.InvalidInputException;
import io.rectify.kernel.NotFoundException;
import io.rectify.kernel.StorageUnavailableException;
import io.rectify.kernel.TooManyRequestsException;
import io.rectify.kernel.UnsupportedTypeException;
import io.rectify.system.security.SecurityEvents;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API as an RFC 9457 problem detail a person can act on: validation errors
 * name their field, unknown or invisible things are 404, conflicts 409, and nothing leaks a
 * stack trace.
 */
@RestControllerAdvice(basePackages = "io.rectify")
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);
    /** A lock is held for one transaction, well under a second: a retry after 1 s finds it free. */
    private static final int BUSY_RETRY_SECONDS = 1;

    private final MessageSource messages;
    private final DatabaseOutage outage;
    private final SecurityEvents events;

    ApiProblems(MessageSource messages, DatabaseOutage outage, SecurityEvents events) {
        this.events = events;
        this.messages = messages;
        this.outage = outage;
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
        List<Map<String, String>> errors = e.problems().stream()
                .map(p -> Map.of("field", p.field(), "message", message(p)))
                .toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, text("problem.invalid", "请求中有字段不符合要求"));
        problem.setProperty("errors", errors);
        return respond(problem);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e, HttpServletRequest request) {
        events.refused(request, "ACCESS_REFUSED", HttpStatus.NOT_FOUND.value());
        return respond(problem(HttpStatus.NOT_FOUND, text("problem.notFound", "没有找到，或您无权查看")));
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<ProblemDetail> forbidden(ForbiddenException e, HttpServletRequest request) {
        events.refused(request, "ACCESS_REFUSED", HttpStatus.FORBIDDEN.value());
        return respond(problem(HttpStatus.FORBIDDEN, e.getMessage()));
    }

    /**
     * A role-level rule ({@code @PreAuthorize}) refused the call: on the API the 403 problem; a
     * page's refusal is rethrown to Spring Security, which answers it as a page does.
     */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e, HttpServletRequest request) {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            throw e;
        }
        events.refused(request, "ACCESS_REFUSED", HttpStatus.FORBIDDEN.value());
        return respond(problem(HttpStatus.FORBIDDEN, text("problem.forbidden", "您的角色不能执行此操作")));
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException e) {
        ProblemDetail problem = problem(HttpStatus.TOO_MANY_REQUESTS, messages.getMessage("problem.tooManyRequests",
                new Object[] {e.retryAfterSeconds()}, e.getMessage(), locale()));
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds())).body(problem);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        // a rule with a message key speaks the caller's language; a plain conflict of state says what it says
        return respond(problem(HttpStatus.CONFLICT, e.code() == null ? e.getMessage() : text(e.code(), e.getMessage())));
    }

    @ExceptionHandler(UnsupportedTypeException.class)
    ResponseEntity<ProblemDetail> unsupported(UnsupportedTypeException e) {
        return respond(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.getMessage()));
    }

    /**
     * The attachment volume is full (507) or read-only (503): nothing was stored and nothing of the
     * case changed; the administrator frees space or makes the volume writable, then the same upload
     * succeeds. Logged as an error, as the administrator has to act.
     */
    @ExceptionHandler(StorageUnavailableException.class)
    ResponseEntity<ProblemDetail> storage(StorageUnavailableException e) {
        log.error("an upload was refused, {}: {}", e.getMessage(), String.valueOf(e.getCause()));
        return respond(e.full()
                ? problem(HttpStatus.INSUFFICIENT_STORAGE, text("problem.storageFull", "附件存储空间已满，文件未保存"))
                : problem(HttpStatus.SERVICE_UNAVAILABLE, text("problem.storageReadOnly", "附件存储暂不可写，文件未保存")));
    }

    /** Two people changed the same thing at once: one won, the other is told to look again. */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrent(RuntimeException e) {
        log.info("concurrent change refused: {}", e.getMessage());
        return respond(problem(HttpStatus.CONFLICT, text("problem.concurrent", "该案件刚被他人处理，请刷新后再试")));
    }

    /**
     * A row lock (an office's case-number counter, the audit chain head) was not had in time (H2's
     * lock timeout comes as a query timeout), or the database chose this transaction as a
     * deadlock's loser: nothing was written, and the same request a moment later succeeds. 503
     * with Retry-After, not a 500 that reads as a bug.
     */
    @ExceptionHandler({PessimisticLockingFailureException.class, QueryTimeoutException.class})
    ResponseEntity<ProblemDetail> busy(TransientDataAccessException e) {
        log.warn("a lock was not had in time, the request may be repeated: {}", e.getMessage());
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, messages.getMessage("problem.busy",
                new Object[] {BUSY_RETRY_SECONDS}, "系统繁忙，请稍后重试", locale()));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(BUSY_RETRY_SECONDS)).body(problem);
    }

    /**
     * The database is out of reach ({@link DatabaseOutage}): a 503 that says when to ask again, not
     * a 500 that reads as a bug. The engine's failures come wrapped in its own exception, which no
     * type here names: {@link DatabaseOutageFilter} answers those the same way.
     */
    @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
            TransientDataAccessResourceException.class, RecoverableDataAccessException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
        outage.noticed(e);
        return databaseUnavailable();
    }

    ResponseEntity<ProblemDetail> databaseUnavailable() {
        int seconds = DatabaseOutage.RETRY_AFTER_SECONDS;
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, messages.getMessage("problem.unavailable",
                new Object[] {seconds}, "系统暂时无法访问数据，请稍后重试", locale()));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds)).body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return invalid(InvalidInputException.of(e.getName(), "problem.badValue", "取值不正确：" + e.getValue(),
                String.valueOf(e.getValue())));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.PAYLOAD_TOO_LARGE,
                text("problem.tooLarge", "文件超过大小上限（20 MB）"));
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem);
    }

    private ProblemDetail problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private String message(FieldProblem p) {
        return messages.getMessage(p.code(), p.args().toArray(), p.defaultMessage(), locale());
    }

    private String text(String code, String fallback) {
        return messages.getMessage(code, null, fallback, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
