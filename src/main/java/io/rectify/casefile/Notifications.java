package io.rectify.casefile;

import java.time.Clock;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Messages to people, written in the transaction that decides them (an outbox): a retried job
 * or timer writes nothing twice, because each message has a unique key.
 */
@Component
public class Notifications {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Notifications(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Returns false when the same message was already written. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean send(String caseId, String kind, String recipients, String dedupKey) {
        Integer existing = jdbc.queryForObject("select count(*) from notification where dedup_key = ?",
                Integer.class, dedupKey);
        if (existing != null && existing > 0) {
            return false;
        }
        jdbc.update("insert into notification (case_id, kind, recipients, created_at, dedup_key) values (?, ?, ?, ?, ?)",
                caseId, kind, recipients, java.sql.Timestamp.from(clock.instant()), dedupKey);
        return true;
    }
}
