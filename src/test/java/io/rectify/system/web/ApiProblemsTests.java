package io.rectify.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.CannotCreateTransactionException;

/** A lock not had in time, or the database out of reach, is a "try again" answer, never a 500. */
class ApiProblemsTests {

    private final ApiProblems problems = new ApiProblems(messages(),
            new DatabaseOutage(new DriverManagerDataSource("jdbc:h2:mem:api-problems")), null); // no refusal audited here

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aLockTimeoutIsServiceUnavailableWithRetryAfter() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        // how Spring translates H2's lock timeout (error 50200)
        ResponseEntity<ProblemDetail> answer = problems.busy(
                new QueryTimeoutException("Timeout trying to lock table \"CASE_NUMBER_COUNTER\""));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(answer.getBody().getDetail()).isEqualTo("系统繁忙，请 1 秒后重试");
    }

    @Test
    void aLockNotHadOnPostgresIsAnsweredTheSameWayInEnglish() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        ResponseEntity<ProblemDetail> answer = problems.busy(new CannotAcquireLockException("deadlock"));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(answer.getBody().getDetail()).isEqualTo("The system is busy: try again in 1 second");
    }

    @Test
    void aTransactionThatFindsNoDatabaseIsServiceUnavailableWithRetryAfter() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        // how JPA reports a pool that could not open a connection
        ResponseEntity<ProblemDetail> answer = problems.databaseUnavailable(new CannotCreateTransactionException(
                "Could not open JPA EntityManager for transaction", new SQLTransientConnectionException(
                        "HikariPool-1 - Connection is not available, request timed out after 3000ms.")));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(answer.getBody().getDetail()).isEqualTo("系统暂时无法访问数据，请 5 秒后重试");
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("i18n/messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
