package io.rectify.notification;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox of messages to people. A message is written in the transaction that decides it,
 * with a unique key, so a retried job or timer writes nothing twice; its delivery is arranged in
 * that same transaction ({@link NotificationWritten}: the workflow module creates an engine job),
 * so a message is delivered only if its decision committed, and is delivered even if this node
 * dies right after the commit.
 */
@Component
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final NotificationChannel channel;
    private final ApplicationEventPublisher events;

    Notifications(JdbcTemplate jdbc, Clock clock, NotificationChannel channel, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.channel = channel;
        this.events = events;
    }

    /**
     * Writes a message to the groups in {@code recipients} (comma-separated) unless one with
     * the same key exists. Returns false when the same message was already written. {@code caseId}
     * is null for a message about something other than a case (a public error report).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean send(String caseId, String kind, String recipients, String dedupKey) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        // one statement that writes nothing when the key exists; two writers of the same new key at
        // once meet at the unique index, and the one that loses is retried and then writes nothing
        int written = jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("insert into notification "
                    + "(case_id, kind, recipients, created_at, dedup_key) "
                    + "select cast(? as varchar), cast(? as varchar), cast(? as varchar), "
                    + "cast(? as timestamp with time zone), cast(? as varchar) "
                    + "where not exists (select 1 from notification where dedup_key = ?)", new String[] {"id"});
            insert.setString(1, caseId);
            insert.setString(2, kind);
            insert.setString(3, recipients);
            insert.setTimestamp(4, Timestamp.from(clock.instant()));
            insert.setString(5, dedupKey);
            insert.setString(6, dedupKey);
            return insert;
        }, key);
        if (written == 0) {
            return false;
        }
        events.publishEvent(new NotificationWritten(key.getKey().longValue()));
        return true;
    }

    /**
     * Hands one message to the channel, once: called by its delivery job. The row is locked
     * first, so a second delivery of the same message (a job whose lock expired on a slow node)
     * waits and then finds it sent. A channel failure propagates: the job is retried later.
     * Returns false when there was nothing to send.
     */
    @Transactional
    public boolean deliver(long id) {
        Optional<Notification> pending = jdbc.query("select id, case_id, kind, recipients, created_at, dedup_key "
                        + "from notification where id = ? and sent_at is null for update",
                (row, n) -> new Notification(row.getLong("id"), row.getString("case_id"), row.getString("kind"),
                        recipients(row.getString("recipients")), row.getTimestamp("created_at").toInstant(),
                        row.getString("dedup_key")), id).stream().findFirst();
        if (pending.isEmpty()) {
            log.debug("notification {} already delivered or gone", id);
            return false;
        }
        channel.deliver(pending.get());
        jdbc.update("update notification set sent_at = ?, delivered_via = ? where id = ?",
                Timestamp.from(clock.instant()), channel.name(), id);
        return true;
    }

    /** The case a notification is about, if the notification exists. */
    @Transactional(readOnly = true)
    public Optional<String> caseOf(long id) {
        // a message about something other than a case (a public error report) names none
        return jdbc.query("select case_id from notification where id = ?", (row, n) -> row.getString(1), id)
                .stream().filter(java.util.Objects::nonNull).findFirst();
    }

    /** The newest message's id of a case, or 0: a mark for {@link #recipientsAfter}. */
    @Transactional(readOnly = true)
    public long lastIdOf(String caseId) {
        Long last = jdbc.queryForObject("select max(id) from notification where case_id = ?", Long.class, caseId);
        return last == null ? 0 : last;
    }

    /** The groups told by the messages of a case written after the mark, each once, in the order told. */
    @Transactional(readOnly = true)
    public List<String> recipientsAfter(String caseId, long mark) {
        return jdbc.queryForList("select recipients from notification where case_id = ? and id > ? order by id",
                        String.class, caseId, mark).stream()
                .flatMap(groups -> recipients(groups).stream())
                .distinct()
                .toList();
    }

    private static List<String> recipients(String groups) {
        return Arrays.stream(groups.split(",")).map(String::strip).filter(g -> !g.isEmpty()).toList();
    }
}
