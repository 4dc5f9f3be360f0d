package io.rectify.monitoring.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.monitoring.CheckStatus;
import io.rectify.monitoring.EvidenceArchive;
import io.rectify.monitoring.Indicator;
import io.rectify.monitoring.ProbeEvidence;
import io.rectify.monitoring.internal.check.Verdict;
import io.rectify.monitoring.internal.http.Fetched;
import io.rectify.system.Savepoints;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The monitoring's tables: every request as it was seen (probe, with its body once per SHA-256 in
 * probe_body), the daily counts of the homepage probes, the latest result of each check, and the
 * homepage's list of items. Plain SQL: a probe is one or two inserts and nothing else.
 */
@Repository
public class ProbeLog implements EvidenceArchive {

    /** the business day of the daily counts */

    private final JdbcTemplate jdbc;

    ProbeLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public enum Purpose {
        /** a homepage probe: counts for reachability */
        HOMEPAGE, COLUMN, LINK
    }

    /**
     * Stores one request. The body is kept when {@code keepBody} (a check's evidence) or the request
     * failed; a reachability probe that got its page keeps status, timings, headers and the body's hash.
     */
    public ProbeEvidence record(long websiteId, Purpose purpose, Fetched fetched, boolean keepBody) {
        return insert(websiteId, purpose, fetched, keepBody, null);
    }

    /**
     * Stores the scheduled homepage probe of a due time. A second one for the same site and due
     * time (the execution run again after its node died) is refused by the database with a
     * {@link DuplicateKeyException}: the caller's transaction then writes nothing.
     */
    public ProbeEvidence recordScheduled(long websiteId, Fetched fetched, Instant due) {
        return insert(websiteId, Purpose.HOMEPAGE, fetched, false, due);
    }

    /** Whether the scheduled homepage probe of this due time is already stored. */
    public boolean probedFor(long websiteId, Instant due) {
        return jdbc.queryForObject("select count(*) from probe where website_id = ? and due_at = ?", Integer.class, websiteId,
                Timestamp.from(due)) > 0;
    }

    private ProbeEvidence insert(long websiteId, Purpose purpose, Fetched fetched, boolean keepBody, Instant due) {
        String sha256 = null;
        Integer size = null;
        byte[] body = fetched.body() == null ? new byte[0] : fetched.body();
        if (fetched.status() != null) {
            sha256 = sha256(body);
            size = body.length;
            if (keepBody || !fetched.ok()) {
                storeBody(sha256, body, fetched.fetchedAt());
            }
        }
        Object[] values = {websiteId, purpose.name(), cut(fetched.url().toString(), 2000), Timestamp.from(fetched.fetchedAt()),
                fetched.status(), cut(fetched.error(), 500), (int) Math.min(Integer.MAX_VALUE, fetched.elapsedMs()),
                fetched.finalUrl() == null ? null : cut(fetched.finalUrl().toString(), 2000), cut(fetched.headers(), 8000),
                sha256, size, fetched.truncated(), due == null ? null : Timestamp.from(due)};
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("""
                    insert into probe (website_id, purpose, url, fetched_at, status, error, elapsed_ms, final_url, headers,
                                       body_sha256, body_size, truncated, due_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            return insert;
        }, keys);
        long id = keys.getKey().longValue();
        if (purpose == Purpose.HOMEPAGE) {
            countDaily(websiteId, LocalDate.ofInstant(fetched.fetchedAt(), WorkingDayCalendar.ZONE), !fetched.ok());
        }
        return new ProbeEvidence(id, fetched.url().toString(), fetched.status(), fetched.fetchedAt(), sha256);
    }

    private void storeBody(String sha256, byte[] body, Instant seen) {
        Integer known = jdbc.queryForObject("select count(*) from probe_body where sha256 = ?", Integer.class, sha256);
        if (known != null && known > 0) {
            return;
        }
        // the same bytes stored by another probe at the same moment: one copy is all we keep
        insertOnce("insert into probe_body (sha256, size, content, first_seen) values (?, ?, ?, ?)",
                sha256, body.length, body, Timestamp.from(seen));
    }

    private void countDaily(long websiteId, LocalDate day, boolean failed) {
        int failure = failed ? 1 : 0;
        int updated = jdbc.update("update probe_daily set probes = probes + 1, failures = failures + ? where website_id = ? and probe_day = ?",
                failure, websiteId, day);
        if (updated == 0 && !insertOnce("insert into probe_daily (website_id, probe_day, probes, failures) values (?, ?, 1, ?)",
                websiteId, day, failure)) {
            // counted meanwhile by another node
            jdbc.update("update probe_daily set probes = probes + 1, failures = failures + ? where website_id = ? and probe_day = ?",
                    failure, websiteId, day);
        }
    }

    /** The homepage probes of a site since a moment: how many, and how many failed. */
    public long[] homepageProbesSince(long websiteId, Instant since) {
        return jdbc.queryForObject("""
                select count(*), coalesce(sum(case when status is null or status >= 400 or error is not null then 1 else 0 end), 0)
                from probe where website_id = ? and purpose = 'HOMEPAGE' and fetched_at >= ?""",
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, websiteId, Timestamp.from(since));
    }

    /** The latest failed homepage probes, shown as the evidence of unreachability. */
    public List<ProbeEvidence> latestFailedHomepageProbes(long websiteId, Instant since, int limit) {
        return jdbc.query("""
                select id, url, status, fetched_at, body_sha256 from probe
                where website_id = ? and purpose = 'HOMEPAGE' and fetched_at >= ?
                  and (status is null or status >= 400 or error is not null)
                order by fetched_at desc
                fetch first ? rows only""", (rs, i) -> new ProbeEvidence(rs.getLong(1), rs.getString(2),
                (Integer) rs.getObject(3), rs.getTimestamp(4).toInstant(), rs.getString(5)),
                websiteId, Timestamp.from(since), limit);
    }

    /** Stores the latest result of a check, replacing the one before. */
    public void saveResult(long websiteId, Verdict verdict, Instant checkedAt, List<ProbeEvidence> evidence) {
        BigDecimal measure = verdict.veto() == null ? null : verdict.veto().measure();
        BigDecimal limit = verdict.veto() == null ? null : verdict.veto().limit();
        String unit = verdict.veto() == null ? null : verdict.veto().unit();
        String ids = evidence.stream().map(e -> Long.toString(e.id())).collect(Collectors.joining(","));
        Object[] values = {verdict.status().name(), Timestamp.from(checkedAt), cut(verdict.detail(), 2000), measure, limit, unit,
                cut(ids, 2000), websiteId, verdict.indicator().name()};
        int updated = jdbc.update("""
                update check_result set status = ?, checked_at = ?, detail = ?, veto_measure = ?, veto_limit = ?, veto_unit = ?,
                       evidence = ? where website_id = ? and indicator = ?""", values);
        if (updated == 0 && !insertOnce("""
                insert into check_result (status, checked_at, detail, veto_measure, veto_limit, veto_unit, evidence,
                                          website_id, indicator)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", values)) {
            // saved meanwhile by another node
            jdbc.update("""
                    update check_result set status = ?, checked_at = ?, detail = ?, veto_measure = ?, veto_limit = ?,
                           veto_unit = ?, evidence = ? where website_id = ? and indicator = ?""", values);
        }
    }

    /** A stored result with its veto distance and the ids of its evidence. */
    public record StoredResult(long websiteId, Indicator indicator, CheckStatus status, Instant checkedAt, String detail,
                               BigDecimal measure, BigDecimal limit, String unit, List<Long> evidenceIds) {
    }

    public List<StoredResult> results(long websiteId) {
        return results("website_id = ?", websiteId);
    }

    /** The latest results of many sites at once (the health of a list). */
    public List<StoredResult> resultsOf(List<Long> websiteIds) {
        if (websiteIds.isEmpty()) {
            return List.of();
        }
        List<StoredResult> all = new ArrayList<>();
        for (int from = 0; from < websiteIds.size(); from += 500) {
            List<Long> chunk = websiteIds.subList(from, Math.min(websiteIds.size(), from + 500));
            all.addAll(results("website_id in (" + chunk.stream().map(id -> "?").collect(Collectors.joining(",")) + ")",
                    chunk.toArray()));
        }
        return all;
    }

    private List<StoredResult> results(String where, Object... args) {
        return jdbc.query("select website_id, indicator, status, checked_at, detail, veto_measure, veto_limit, veto_unit, evidence"
                + " from check_result where " + where + " order by website_id, indicator", (rs, i) -> {
                    Indicator indicator;
                    try {
                        indicator = Indicator.valueOf(rs.getString(2));
                    } catch (IllegalArgumentException dropped) {
                        return null;
                    }
                    String ids = rs.getString(9);
                    return new StoredResult(rs.getLong(1), indicator, CheckStatus.valueOf(rs.getString(3)),
                            rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getBigDecimal(6), rs.getBigDecimal(7),
                            rs.getString(8), ids == null || ids.isBlank() ? List.of()
                                    : Arrays.stream(ids.split(",")).map(Long::valueOf).toList());
                }, args).stream().filter(r -> r != null).toList();
    }

    /** The evidence rows by id, in the order asked. */
    public List<ProbeEvidence> evidence(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<ProbeEvidence> found = jdbc.query("select id, url, status, fetched_at, body_sha256 from probe where id in ("
                        + ids.stream().map(id -> "?").collect(Collectors.joining(",")) + ")",
                (rs, i) -> new ProbeEvidence(rs.getLong(1), rs.getString(2), (Integer) rs.getObject(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5)), ids.toArray());
        return found;
    }

    /** Keeps these probes beyond the raw probes' retention: a finding was judged on them. */
    @Override
    public void keep(Collection<Long> probeIds) {
        for (List<Long> chunk : chunks(probeIds)) {
            jdbc.update("update probe set kept = true where kept = false and id in ("
                    + chunk.stream().map(id -> "?").collect(Collectors.joining(",")) + ")", chunk.toArray());
        }
    }

    /** The stored body of a probe, with the type its headers declared; empty when only its hash was kept. */
    @Override
    public Optional<EvidenceArchive.Body> body(long probeId) {
        return jdbc.query("""
                        select p.headers, p.truncated, b.sha256, b.content from probe p join probe_body b on b.sha256 = p.body_sha256
                        where p.id = ?""",
                (rs, i) -> new EvidenceArchive.Body(probeId, rs.getString(3), rs.getBytes(4), contentType(rs.getString(1)),
                        rs.getBoolean(2)), probeId).stream().findFirst();
    }

    /** The value of the Content-Type line of headers stored as "Name: value" lines. */
    static String contentType(String headers) {
        if (headers == null) {
            return null;
        }
        return headers.lines().filter(line -> line.regionMatches(true, 0, "content-type:", 0, 13))
                .map(line -> line.substring(13).strip()).findFirst().orElse(null);
    }

    private static List<List<Long>> chunks(Collection<Long> ids) {
        List<Long> all = new ArrayList<>(ids);
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += 500) {
            chunks.add(all.subList(from, Math.min(all.size(), from + 500)));
        }
        return chunks;
    }

    /** The day the homepage's list of items was last seen to change, after recording today's list. */
    public Optional<LocalDate> itemsChanged(long websiteId, List<String> titles, LocalDate today) {
        if (titles.isEmpty()) {
            return jdbc.query("select changed_on from homepage_items where website_id = ?",
                    (rs, i) -> rs.getDate(1).toLocalDate(), websiteId).stream().findFirst();
        }
        String signature = sha256(String.join("\n", titles).getBytes(StandardCharsets.UTF_8));
        List<Object[]> known = jdbc.query("select signature, changed_on from homepage_items where website_id = ?",
                (rs, i) -> new Object[] {rs.getString(1), rs.getDate(2).toLocalDate()}, websiteId);
        if (known.isEmpty()) {
            boolean first = insertOnce("insert into homepage_items (website_id, signature, changed_on) values (?, ?, ?)",
                    websiteId, signature, today);
            return first ? Optional.empty() : Optional.of(today);
        }
        if (!known.get(0)[0].equals(signature)) {
            jdbc.update("update homepage_items set signature = ?, changed_on = ? where website_id = ?", signature, today, websiteId);
            return Optional.of(today);
        }
        return Optional.of((LocalDate) known.get(0)[1]);
    }

    /**
     * Forgets the raw probes older than the moment, and the bodies no kept probe names; the daily
     * counts stay. Evidence a current check result names, or a finding was judged on, is kept however old.
     */
    public int forgetBefore(Instant before) {
        int probes = jdbc.update("""
                delete from probe where fetched_at < ? and kept = false
                  and not exists (select 1 from check_result r where r.website_id = probe.website_id
                                  and ',' || r.evidence || ',' like '%,' || cast(probe.id as varchar(20)) || ',%')""",
                Timestamp.from(before));
        jdbc.update("delete from probe_body where first_seen < ? and not exists (select 1 from probe p where p.body_sha256 = probe_body.sha256)",
                Timestamp.from(before));
        return probes;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Inserts a row another node may be inserting at the same moment; false when it is there already. */
    private boolean insertOnce(String sql, Object... args) {
        return Savepoints.writeOnce(jdbc.getDataSource(), () -> jdbc.update(sql, args));
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
