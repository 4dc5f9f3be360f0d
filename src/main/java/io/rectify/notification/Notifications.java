package io.rectify.notification;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.rectify.directory.Contact;
import io.rectify.directory.Liaisons;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox of messages to people. A message is written in the transaction that decides it,
 * with a unique key, so a retried job or timer writes nothing twice; its delivery is arranged in
 * that same transaction ({@link NotificationWritten}: the workflow module creates an engine job),
 * so a message is delivered only if its decision committed, and is delivered even if this node
 * dies right after the commit. That job fans the message out ({@link #fanOut}) to one delivery per
 * recipient and channel, and each delivery that has somewhere to go is sent by a job of its own
 * ({@link #deliver}), retried on its own.
 */
@Component
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    public static final String IN_APP = "IN_APP";
    public static final String PENDING = "PENDING";
    public static final String SENT = "SENT";
    public static final String NO_ADDRESS = "NO_ADDRESS";
    private static final String GROUP_PREFIX = "org:";
    private static final RowMapper<Notification> NOTIFICATION = (row, n) -> new Notification(row.getLong("id"),
            row.getString("case_id"), row.getString("kind"), recipients(row.getString("recipients")),
            row.getTimestamp("created_at").toInstant(), row.getString("dedup_key"),
            row.getObject("working_days_left", Integer.class));

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Channels channels;
    private final Liaisons contacts;
    private final ApplicationEventPublisher events;

    Notifications(JdbcTemplate jdbc, Clock clock, Channels channels, Liaisons contacts,
                  ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.channels = channels;
        this.contacts = contacts;
        this.events = events;
    }

    /**
     * Writes a message to the groups in {@code recipients} (comma-separated) unless one with
     * the same key exists. Returns false when the same message was already written. {@code caseId}
     * is null for a message about something other than a case (a public error report).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean send(String caseId, String kind, String recipients, String dedupKey) {
        return send(caseId, kind, recipients, dedupKey, null);
    }

    /**
     * As {@link #send(String, String, String, String)}, for a deadline reminder that tells the
     * {@code workingDaysLeft}, the deadline day counted.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean remind(String caseId, String recipients, String dedupKey, int workingDaysLeft) {
        return send(caseId, "REMINDER", recipients, dedupKey, workingDaysLeft);
    }

    private boolean send(String caseId, String kind, String recipients, String dedupKey, Integer workingDaysLeft) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        // one statement that writes nothing when the key exists; two writers of the same new key at
        // once meet at the unique index, and the one that loses is retried and then writes nothing
        int written = jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("insert into notification "
                    + "(case_id, kind, recipients, created_at, dedup_key, working_days_left) "
                    + "select cast(? as varchar), cast(? as varchar), cast(? as varchar), "
                    + "cast(? as timestamp with time zone), cast(? as varchar), cast(? as integer) "
                    + "where not exists (select 1 from notification where dedup_key = ?)", new String[] {"id"});
            insert.setString(1, caseId);
            insert.setString(2, kind);
            insert.setString(3, recipients);
            insert.setTimestamp(4, Timestamp.from(clock.instant()));
            insert.setString(5, dedupKey);
            insert.setObject(6, workingDaysLeft, Types.INTEGER);
            insert.setString(7, dedupKey);
            return insert;
        }, key);
        if (written == 0) {
            return false;
        }
        events.publishEvent(new NotificationWritten(key.getKey().longValue()));
        return true;
    }

    /**
     * Fans a message out to its recipients, once: called by its delivery job. Every account of the
     * bodies it is addressed to gets it in their centre at once (IN_APP); every account and liaison
     * gets one delivery per channel of this node, PENDING when they have an address there and
     * NO_ADDRESS when not. The message row is locked first, so a second run (a job whose lock
     * expired on a slow node) waits and then finds it done. Returns the deliveries to send, each by
     * a job of its own; empty when the message was fanned out already or is gone.
     */
    @Transactional
    public Optional<List<Long>> fanOut(long id) {
        Optional<Notification> pending = jdbc.query("select id, case_id, kind, recipients, created_at, dedup_key, working_days_left "
                + "from notification where id = ? and sent_at is null for update", NOTIFICATION, id).stream().findFirst();
        if (pending.isEmpty()) {
            log.debug("notification {} already fanned out or gone", id);
            return Optional.empty();
        }
        Notification notification = pending.get();
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> rows = new ArrayList<>();
        Set<String> used = new LinkedHashSet<>();
        List<NotificationChannel> carrying = channels.all().stream().filter(c -> c.carries(notification)).toList();
        for (Contact contact : contacts.contactsOf(orgCodes(notification.recipients()))) {
            if (contact.isUser()) {
                rows.add(new Object[] {id, contact.key(), IN_APP, contact.username(), SENT, now, now});
                used.add(IN_APP);
            }
            for (NotificationChannel channel : carrying) {
                Optional<String> address = channel.addressOf(contact);
                rows.add(new Object[] {id, contact.key(), channel.name(), address.orElse(null),
                        address.isPresent() ? PENDING : NO_ADDRESS, now, null});
                used.add(channel.name());
            }
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("insert into notification_delivery "
                    + "(notification_id, recipient, channel, address, status, created_at, sent_at) "
                    + "values (?, ?, ?, ?, ?, ?, ?)", rows);
        }
        String via = used.isEmpty() ? "nobody" : String.join("+", used).toLowerCase(Locale.ROOT);
        jdbc.update("update notification set sent_at = ?, delivered_via = ? where id = ?", now,
                via.length() > 20 ? via.substring(0, 20) : via, id);
        return Optional.of(jdbc.queryForList("select id from notification_delivery where notification_id = ? "
                + "and status = ? order by id", Long.class, id, PENDING));
    }

    /**
     * Sends one delivery on its channel, once: called by its delivery job. The delivery row is
     * locked first, so a second attempt waits and then finds it sent. A channel failure propagates:
     * the job is retried later, and ends as an incident when no attempt is left. Returns false when
     * there was nothing to send.
     */
    @Transactional
    public boolean deliver(long deliveryId) {
        Optional<Object[]> pending = jdbc.query("select notification_id, recipient, channel, address "
                        + "from notification_delivery where id = ? and status = ? for update",
                (row, n) -> new Object[] {row.getLong(1), row.getString(2), row.getString(3), row.getString(4)},
                deliveryId, PENDING).stream().findFirst();
        if (pending.isEmpty()) {
            log.debug("delivery {} already sent or gone", deliveryId);
            return false;
        }
        Object[] row = pending.get();
        Notification notification = jdbc.queryForObject("select id, case_id, kind, recipients, created_at, dedup_key, working_days_left "
                + "from notification where id = ?", NOTIFICATION, row[0]);
        String recipient = (String) row[1];
        String channelName = (String) row[2];
        NotificationChannel channel = channels.byName(channelName).orElseThrow(() -> new IllegalStateException(
                "delivery " + deliveryId + " of notification " + notification.id() + ": channel " + channelName
                        + " is not configured on this node"));
        channel.deliver(new Delivery(deliveryId, notification, recipient, channelName, (String) row[3],
                notification.dedupKey() + "/" + recipient + "/" + channelName));
        jdbc.update("update notification_delivery set status = ?, sent_at = ? where id = ?", SENT,
                Timestamp.from(clock.instant()), deliveryId);
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

    /** The bodies of candidate groups ({@code org:CODE}); other groups name no body. */
    static List<String> orgCodes(List<String> groups) {
        return groups.stream().filter(g -> g.startsWith(GROUP_PREFIX)).map(g -> g.substring(GROUP_PREFIX.length()))
                .filter(code -> !code.isBlank()).distinct().toList();
    }

    static List<String> recipients(String groups) {
        return Arrays.stream(groups.split(",")).map(String::strip).filter(g -> !g.isEmpty()).toList();
    }
}
