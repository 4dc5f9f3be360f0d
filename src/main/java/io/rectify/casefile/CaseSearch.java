package io.rectify.casefile;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.rectify.directory.Actor;
import io.rectify.directory.Directory;
import io.rectify.kernel.InvalidInputException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case list: only the cases the caller may see (the same rule as {@link CaseAccess}), filtered,
 * newest first. Each way a case is visible (respondent, opener, region, escalated in region) has an
 * index ordered like the list (migration V10); a page is the union of one range scan per way, each
 * cut at the rows the page can need, so a page costs a few index range scans at 1M cases whoever asks.
 *
 * <p>Paging: {@code page}/{@code size} (offset) as API.md has it, and a keyset cursor
 * ({@link #after}) that stays as fast on the last page as on the first. The {@code total} is exact
 * up to {@code rectify.case-list.count-limit} (default 1,000) matching cases and reported as
 * that bound beyond it ({@link Result#totalExact()} false): counting every one of a million
 * visible cases on each page view costs more than the page itself, and nobody pages through
 * a thousand cases by number: the cursor takes them further.
 */
@Service
@Transactional(readOnly = true)
public class CaseSearch {

    public static final int MAX_PAGE_SIZE = 100;
    /** how far offset paging goes (page × size); the {@code after} cursor has no such bound */
    public static final int MAX_OFFSET = 10_000;

    private final Directory directory;
    private final int countLimit;

    @PersistenceContext
    private EntityManager em;

    CaseSearch(Directory directory, @Value("${rectify.case-list.count-limit:1000}") int countLimit) {
        this.directory = directory;
        this.countLimit = countLimit;
    }

    /** Offset paging, as API.md has it; {@code total} is bounded as the class says. */
    public Page<RectificationCase> search(Actor actor, CaseFilter filter, int page, int size, LocalDate today) {
        Result found = find(actor, filter, null, page, size, today);
        return new PageImpl<>(found.items(), PageRequest.of(page, size), found.total());
    }

    /**
     * One page of the list, after the case the cursor names ({@code null}: from the newest), or at
     * offset {@code page × size} when no cursor is given.
     */
    public Result find(Actor actor, CaseFilter filter, String after, int page, int size, LocalDate today) {
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw InvalidInputException.of("size", "problem.size", "每页条数应为 1 至 " + MAX_PAGE_SIZE, MAX_PAGE_SIZE);
        }
        if (page < 0) {
            throw InvalidInputException.of("page", "problem.page", "页码不能小于 0");
        }
        if ((long) page * size > MAX_OFFSET) {
            // every way of seeing a case would read that many rows to skip them: the cursor goes further
            throw InvalidInputException.of("page", "problem.pageTooFar",
                    "页码过大：按页码最多翻到第 " + MAX_OFFSET + " 条，更远请用 after 游标", MAX_OFFSET);
        }
        Cursor cursor = after == null ? null : Cursor.parse(after);
        Map<String, Object> params = new HashMap<>();
        List<String> ways = visibleTo(actor, params);
        if (ways.isEmpty()) {
            return new Result(List.of(), 0, true, null);
        }
        String filters = matching(filter, today, params);
        // after a cursor: index condition on created_at, the rest a filter on the few rows of one instant
        String keyset = cursor == null ? ""
                : " and c.created_at <= :afterAt and (c.created_at < :afterAt or c.id < :afterId)";
        int skip = cursor == null ? page * size : 0;
        // each way of seeing a case is its own ordered index range scan, cut at the rows a page can need;
        // one OR of them would be a scan of the newest-first index filtering out everyone else's cases
        int needed = skip + size;
        String newestFirst = " order by c.created_at desc, c.id desc";
        String branches = ways.stream()
                .map(way -> "(select c.* from rectification_case c where " + way + filters + keyset + newestFirst
                        + " limit " + needed + ")")
                .collect(Collectors.joining(" union "));
        Query pageQuery = em.createNativeQuery("select c.* from (" + branches + ") c" + newestFirst,
                RectificationCase.class);
        params.forEach(pageQuery::setParameter);
        if (cursor != null) {
            pageQuery.setParameter("afterAt", cursor.createdAt()).setParameter("afterId", cursor.id());
        }
        @SuppressWarnings("unchecked")
        List<RectificationCase> items = pageQuery.setFirstResult(skip).setMaxResults(size).getResultList();

        // bounded the same way: if no way reaches the bound, their union is the exact count
        String counted = ways.stream()
                .map(way -> "(select c.id from rectification_case c where " + way + filters + " limit " + (countLimit + 1) + ")")
                .collect(Collectors.joining(" union "));
        Query countQuery = em.createNativeQuery("select count(*) from (" + counted + ") visible");
        params.forEach(countQuery::setParameter);
        long total = ((Number) countQuery.getSingleResult()).longValue();
        boolean exact = total <= countLimit;
        String next = items.size() == size ? Cursor.of(items.get(items.size() - 1)) : null;
        return new Result(items, exact ? total : countLimit, exact, next);
    }

    /**
     * The condition of the whole list (every case the caller may see that matches the filter) on
     * {@code rectification_case c}, with its named parameters; empty when the caller sees no case.
     * The export reads the same rows as the list through it.
     */
    Optional<Condition> condition(Actor actor, CaseFilter filter, LocalDate today) {
        Map<String, Object> params = new HashMap<>();
        List<String> ways = visibleTo(actor, params);
        if (ways.isEmpty()) {
            return Optional.empty();
        }
        String visible = ways.stream().map(way -> "(" + way + ")").collect(Collectors.joining(" or ", "(", ")"));
        return Optional.of(new Condition(visible + matching(filter, today, params), params));
    }

    /** A where clause on {@code rectification_case c} and its named parameters. */
    record Condition(String sql, Map<String, Object> params) {
    }

    /**
     * The visibility rule of {@link CaseAccess#canSee} as SQL, one condition per way a case is
     * visible (a case is visible when any holds); none when the caller sees no case.
     */
    private List<String> visibleTo(Actor actor, Map<String, Object> params) {
        if (actor.role() == null || actor.orgCode() == null || actor.role().administers()) {
            return List.of();
        }
        return switch (actor.role()) {
            // An office's own cases lie in its regions too: a case takes its respondent's region, and
            // an office opens cases only within its regions, or is itself the respondent there. So
            // its regions alone are the rule: one index range instead of three (the opener's range
            // with a filter was the slowest count of the list; src/docs/performance.md, P2).
            case SUPERVISOR -> List.of(inRegions(actor, params));
            case SUPERVISION -> {
                List<String> ways = new ArrayList<>(own(actor, params));
                ways.add("c.escalated = true and " + inRegions(actor, params));
                yield ways;
            }
            case RESPONDER -> own(actor, params);
            case ADMIN, SECURITY_ADMIN, AUDIT_ADMIN -> List.of();
        };
    }

    /** The cases the caller's body answers for or opened. */
    private static List<String> own(Actor actor, Map<String, Object> params) {
        params.put("org", actor.orgCode());
        return List.of("c.respondent_org_code = :org", "c.opened_by_org_code = :org");
    }

    /**
     * The caller's region and those below it, as a condition. For a body of the whole province that
     * is every region, so no condition at all: an index range of every case (or every escalated
     * one) instead of a list of regions PostgreSQL can only filter on (measured at 1M cases; src/docs/performance.md, P2).
     */
    private String inRegions(Actor actor, Map<String, Object> params) {
        Set<String> regions = directory.regionAndBelow(actor.regionCode());
        if (directory.isEveryRegion(regions)) {
            return "true";
        }
        params.put("regions", regions);
        return "c.region_code in (:regions)";
    }

    private static String matching(CaseFilter filter, LocalDate today, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder();
        if (filter.status() != null) {
            sql.append(" and c.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.categoryCode() != null) {
            sql.append(" and c.category_code = :category");
            params.put("category", filter.categoryCode());
        }
        if (filter.respondentOrgCode() != null) {
            sql.append(" and c.respondent_org_code = :respondent");
            params.put("respondent", filter.respondentOrgCode());
        }
        if (filter.escalated() != null) {
            sql.append(" and c.escalated = :escalated");
            params.put("escalated", filter.escalated());
        }
        if (filter.overdue() != null) {
            String overdue = "(c.status = 'ORDERED' and c.deadline < :today)";
            sql.append(filter.overdue() ? " and " + overdue : " and not " + overdue);
            params.put("today", today);
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            sql.append(" and (lower(c.case_number) like :text escape '\\' or lower(c.title) like :text escape '\\')");
            params.put("text", "%" + likeEscaped(filter.text().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        return sql.toString();
    }

    /** The text as itself in a LIKE pattern: its own % and _ are not wildcards. */
    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /**
     * The supervision authority's queue: the escalated cases it may see, those still waiting for
     * its review first, then the most recent. At most {@code limit} cases.
     */
    public List<RectificationCase> reviewQueue(Actor actor, int limit) {
        Map<String, Object> params = new HashMap<>();
        List<String> ways = visibleTo(actor, params);
        if (ways.isEmpty()) {
            return List.of();
        }
        Query query = em.createNativeQuery("select c.* from rectification_case c where ("
                + String.join(" or ", ways) + ") and c.escalated = true"
                + " order by case when c.review_status = 'PENDING' then 0 else 1 end, c.created_at desc, c.id desc",
                RectificationCase.class);
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<RectificationCase> queue = query.setMaxResults(limit).getResultList();
        return queue;
    }

    /** A page of the list: {@code next} is the cursor of the page after it, null on the last page. */
    public record Result(List<RectificationCase> items, long total, boolean totalExact, String next) {
    }

    /** The position of a case in the list (created_at desc, id desc), opaque to clients. */
    record Cursor(Instant createdAt, String id) {

        static String of(RectificationCase c) {
            String raw = c.createdAt().toString() + "|" + c.id();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor parse(String value) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
                int bar = raw.indexOf('|');
                if (bar > 0 && bar < raw.length() - 1) {
                    return new Cursor(Instant.parse(raw.substring(0, bar)), raw.substring(bar + 1));
                }
            } catch (IllegalArgumentException | DateTimeParseException e) {
                // falls through to the 400 below
            }
            throw InvalidInputException.of("after", "problem.after", "分页游标无效，请从第一页重新开始");
        }
    }
}
