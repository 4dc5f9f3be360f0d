package io.rectify.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.directory.Contact;
import io.rectify.kernel.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each person's notification centre: the in-app deliveries addressed to them (as a user of a body a
 * notification went to), newest first, and what they have read. A person reads and marks only their
 * own: another's entry is not found (404).
 */
@Service
@Transactional
public class NotificationCentre {

    /** how many entries a list shows: the newest */
    static final int LIMIT = 200;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final NotificationTexts texts;

    NotificationCentre(JdbcTemplate jdbc, Clock clock, NotificationTexts texts) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.texts = texts;
    }

    /** The person's entries, all or only the unread, with their unread count. */
    @Transactional(readOnly = true)
    public Inbox of(String username, boolean unreadOnly, Locale locale) {
        String recipient = Contact.keyOfUser(username);
        List<Row> rows = jdbc.query("select d.id, n.kind, n.case_id, n.created_at, d.read_at, n.working_days_left "
                        + "from notification_delivery d join notification n on n.id = d.notification_id "
                        + "where d.recipient = ? and d.channel = ?" + (unreadOnly ? " and d.read_at is null" : "")
                        + " order by d.id desc fetch first " + LIMIT + " rows only",
                (row, n) -> new Row(row.getLong(1), row.getString(2), row.getString(3), row.getTimestamp(4),
                        row.getTimestamp(5), row.getObject(6, Integer.class)), recipient, Notifications.IN_APP);
        Map<String, String> numbers = rows.isEmpty() ? Map.of()
                : texts.caseNumbers(rows.stream().map(Row::caseId).filter(java.util.Objects::nonNull)
                        .collect(Collectors.toSet()));
        List<Entry> entries = rows.stream().map(row -> new Entry(row.id(), row.kind(), row.caseId(),
                numbers.get(row.caseId()), texts.title(row.kind(), row.workingDaysLeft(), numbers.get(row.caseId()), locale),
                local(row.createdAt()), local(row.readAt()))).toList();
        return new Inbox(entries, unread(username));
    }

    /** How many of the person's entries are unread: one indexed count. */
    @Transactional(readOnly = true)
    public long unread(String username) {
        Long count = jdbc.queryForObject("select count(*) from notification_delivery where recipient = ? "
                + "and channel = ? and read_at is null", Long.class, Contact.keyOfUser(username), Notifications.IN_APP);
        return count == null ? 0 : count;
    }

    /** Marks one of the person's entries read (again: nothing changes). */
    public void markRead(String username, long id) {
        int found = jdbc.update("update notification_delivery set read_at = coalesce(read_at, ?) where id = ? "
                        + "and recipient = ? and channel = ?", Timestamp.from(clock.instant()), id,
                Contact.keyOfUser(username), Notifications.IN_APP);
        if (found == 0) {
            throw new NotFoundException("notification " + id);
        }
    }

    /** Marks every unread entry of the person read; returns how many. */
    public int markAllRead(String username) {
        return jdbc.update("update notification_delivery set read_at = ? where recipient = ? and channel = ? "
                + "and read_at is null", Timestamp.from(clock.instant()), Contact.keyOfUser(username),
                Notifications.IN_APP);
    }

    private static OffsetDateTime local(Timestamp at) {
        return at == null ? null : at.toInstant().atZone(WorkingDayCalendar.ZONE).toOffsetDateTime();
    }

    private record Row(long id, String kind, String caseId, Timestamp createdAt, Timestamp readAt, Integer workingDaysLeft) {
    }

    /** One entry of a centre; {@code caseNumber} for the page's link text. */
    public record Entry(long id, String kind, String caseId, String caseNumber, String title, OffsetDateTime createdAt,
                        OffsetDateTime readAt) {
        public boolean read() {
            return readAt != null;
        }
    }

    public record Inbox(List<Entry> items, long unread) {
    }

}
