package io.rectify.casefile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.rectify.directory.Actor;
import io.rectify.directory.Directory;
import io.rectify.system.InvalidInputException;
import jakarta.persistence.criteria.Predicate;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The case list: only the cases the caller may see (the same rule as {@link CaseAccess}), filtered. */
@Service
@Transactional(readOnly = true)
public class CaseSearch {

    public static final int MAX_PAGE_SIZE = 100;

    private final CaseRepository cases;
    private final Directory directory;

    CaseSearch(CaseRepository cases, Directory directory) {
        this.cases = cases;
        this.directory = directory;
    }

    public Page<RectificationCase> search(Actor actor, CaseFilter filter, int page, int size, LocalDate today) {
        if (page < 0) {
            throw InvalidInputException.of("page", "problem.page", "页码不能小于 0");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw InvalidInputException.of("size", "problem.size", "每页条数应为 1 至 " + MAX_PAGE_SIZE, MAX_PAGE_SIZE);
        }
        Specification<RectificationCase> spec = visibleTo(actor).and(matching(filter, today));
        return cases.findAll(spec, PageRequest.of(page, size, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id"))));
    }

    /**
     * The supervision authority's queue: the escalated cases it may see, those still waiting for
     * its review first, then the most recent. At most {@code limit} cases.
     */
    public List<RectificationCase> reviewQueue(Actor actor, int limit) {
        Specification<RectificationCase> escalated = (root, query, cb) -> cb.isTrue(root.get("escalated"));
        Specification<RectificationCase> spec = visibleTo(actor).and(escalated).and((root, query, cb) -> {
            if (query.getResultType() != Long.class && query.getResultType() != long.class) {
                query.orderBy(cb.asc(cb.selectCase().when(cb.equal(root.get("reviewStatus"), ReviewStatus.PENDING), 0)
                        .otherwise(1)), cb.desc(root.get("createdAt")), cb.asc(root.get("id")));
            }
            return cb.conjunction();
        });
        return cases.findAll(spec, PageRequest.of(0, limit)).getContent();
    }

    private Specification<RectificationCase> visibleTo(Actor actor) {
        return (root, query, cb) -> {
            if (actor.role() == null || actor.orgCode() == null) {
                return cb.disjunction();
            }
            Set<String> regions = directory.regionAndBelow(actor.regionCode());
            Predicate own = cb.or(cb.equal(root.get("respondentOrgCode"), actor.orgCode()),
                    cb.equal(root.get("openedByOrgCode"), actor.orgCode()));
            return switch (actor.role()) {
                case SUPERVISOR -> cb.or(own, root.get("regionCode").in(regions));
                case SUPERVISION -> cb.or(own, cb.and(cb.isTrue(root.get("escalated")), root.get("regionCode").in(regions)));
                case RESPONDER -> own;
                case ADMIN, SECURITY_ADMIN, AUDIT_ADMIN -> cb.disjunction();
            };
        };
    }

    private static Specification<RectificationCase> matching(CaseFilter filter, LocalDate today) {
        return (root, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
            if (filter.status() != null) {
                all.add(cb.equal(root.get("status"), filter.status()));
            }
            if (filter.categoryCode() != null) {
                all.add(cb.equal(root.get("categoryCode"), filter.categoryCode()));
            }
            if (filter.respondentOrgCode() != null) {
                all.add(cb.equal(root.get("respondentOrgCode"), filter.respondentOrgCode()));
            }
            if (filter.escalated() != null) {
                all.add(cb.equal(root.get("escalated"), filter.escalated()));
            }
            if (filter.overdue() != null) {
                Predicate overdue = cb.and(cb.equal(root.get("status"), CaseStatus.ORDERED),
                        cb.lessThan(root.get("deadline"), today));
                all.add(filter.overdue() ? overdue : cb.not(overdue));
            }
            if (filter.text() != null && !filter.text().isBlank()) {
                String pattern = "%" + likeEscaped(filter.text().strip().toLowerCase(java.util.Locale.ROOT)) + "%";
                all.add(cb.or(cb.like(cb.lower(root.get("caseNumber")), pattern, '\\'),
                        cb.like(cb.lower(root.get("title")), pattern, '\\')));
            }
            return cb.and(all.toArray(Predicate[]::new));
        };
    }

    /** The text as itself in a LIKE pattern: its own % and _ are not wildcards. */
    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
