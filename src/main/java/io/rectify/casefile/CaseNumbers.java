package io.rectify.casefile;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Readable case numbers, one sequence per issuing body and year: 赣府办整改〔2026〕12号. The
 * counter row is locked by the update until the case's transaction ends, so two cases opened
 * at once never share a number, and a case that fails to open gives its number back.
 */
@Component
class CaseNumbers {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    CaseNumbers(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    String next(String issuerCode, String prefix, int year) {
        if (increment(issuerCode, year) == 0) {
            startYear(issuerCode, year);
            increment(issuerCode, year);
        }
        Integer number = jdbc.queryForObject(
                "select last_number from case_number_counter where issuer_code = ? and case_year = ?",
                Integer.class, issuerCode, year);
        return prefix + "〔" + year + "〕" + number + "号";
    }

    private int increment(String issuerCode, int year) {
        return jdbc.update(
                "update case_number_counter set last_number = last_number + 1 where issuer_code = ? and case_year = ?",
                issuerCode, year);
    }

    /** In a transaction of its own: a duplicate insert must not spoil the case's transaction. */
    private void startYear(String issuerCode, int year) {
        try {
            ownTransaction.executeWithoutResult(status -> jdbc.update(
                    "insert into case_number_counter (issuer_code, case_year, last_number) values (?, ?, 0)",
                    issuerCode, year));
        } catch (DuplicateKeyException anotherCaseStartedTheYearFirst) {
            // the row is there now, which is all we need
        }
    }
}
