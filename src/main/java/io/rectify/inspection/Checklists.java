package io.rectify.inspection;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rectify.audit.AuditLog;
import io.rectify.directory.Actor;
import io.rectify.directory.Role;
import io.rectify.kernel.ConflictException;
import io.rectify.kernel.FieldProblem;
import io.rectify.kernel.ForbiddenException;
import io.rectify.kernel.InvalidInputException;
import io.rectify.kernel.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The versions of the indicators. The 2019 set is loaded from {@code inspection/checklist-2019.json}
 * when none is there; an administrator loads a later year's beside it. A version once loaded is
 * not replaced: a campaign keeps the one it started with, and only an item's missing figure may
 * be set afterwards, while no campaign uses the version.
 */
@Service
public class Checklists {

    static final String BUILT_IN = "inspection/checklist-2019.json";
    private static final Logger log = LoggerFactory.getLogger(Checklists.class);
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,59}");
    private static final BigDecimal MOST = BigDecimal.valueOf(100);

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final AuditLog audit;
    private final Clock clock;

    Checklists(JdbcClient jdbc, ObjectMapper json, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadTheBuiltInSet() {
        try {
            installIfMissing();
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            log.debug("the built-in checklist was loaded by another node");
        }
    }

    @Transactional
    public void installIfMissing() {
        if (jdbc.sql("select count(*) from inspection_checklist").query(Integer.class).single() > 0) {
            return;
        }
        try (InputStream in = new ClassPathResource(BUILT_IN).getInputStream()) {
            long id = store(json.readValue(in, ChecklistDocument.class), "system");
            jdbc.sql("update inspection_checklist set activated_at = loaded_at where id = ?").param(id).update();
        } catch (IOException e) {
            throw new UncheckedIOException("the built-in checklist " + BUILT_IN, e);
        }
    }

    /** An administrator loads a version beside the others; a version already loaded → 409. */
    @Transactional
    public Checklist load(Actor actor, ChecklistDocument document) {
        if (actor.role() != Role.ADMIN) {
            throw new ForbiddenException("only the system administrator loads a checklist");
        }
        validate(document);
        if (find(document.version()).isPresent()) {
            throw new ConflictException("checklist version " + document.version() + " is already loaded");
        }
        long id = store(document, actor.username());
        audit.record(actor.username(), "CHECKLIST_LOADED", null, document.version() + " " + document.items().size() + " items");
        return byId(id);
    }

    /** Makes a loaded version the one new campaigns start with; campaigns started before keep theirs. */
    @Transactional
    public Checklist activate(Actor actor, String version) {
        if (actor.role() != Role.ADMIN) {
            throw new ForbiddenException("only the system administrator activates a checklist");
        }
        Checklist checklist = find(version).orElseThrow(() -> new NotFoundException("checklist " + version));
        jdbc.sql("update inspection_checklist set activated_at = ? where id = ?")
                .params(Times.utc(clock.instant()), checklist.id()).update();
        audit.record(actor.username(), "CHECKLIST_ACTIVATED", null, version);
        return byId(checklist.id());
    }

    /** Sets the missing figure of an editable item, while no campaign uses the version. */
    @Transactional
    public Checklist setPoints(Actor actor, String version, String code, BigDecimal maxPoints) {
        if (actor.role() != Role.ADMIN) {
            throw new ForbiddenException("only the system administrator edits a checklist");
        }
        Checklist checklist = find(version).orElseThrow(() -> new NotFoundException("checklist " + version));
        ChecklistItem item = checklist.item(code).orElseThrow(() -> new NotFoundException("item " + code));
        if (!item.editable()) {
            throw InvalidInputException.of("code", "inspection.item.notEditable", "该项分值来自指标原文，不能修改：" + code, code);
        }
        if (maxPoints == null || maxPoints.signum() <= 0 || maxPoints.compareTo(MOST) > 0) {
            throw InvalidInputException.of("maxPoints", "inspection.item.pointsRange", "分值须大于0且不超过100");
        }
        if (jdbc.sql("select count(*) from inspection_campaign where checklist_id = ?").param(checklist.id())
                .query(Integer.class).single() > 0) {
            throw new ConflictException("a campaign uses checklist " + version + ": load a new version instead");
        }
        jdbc.sql("update inspection_checklist_item set max_points = ? where checklist_id = ? and code = ?")
                .params(maxPoints, checklist.id(), code).update();
        audit.record(actor.username(), "CHECKLIST_EDITED", null, version + " " + code + " = " + maxPoints);
        return byId(checklist.id());
    }

    @Transactional(readOnly = true)
    public List<Checklist> all() {
        return jdbc.sql("select id from inspection_checklist order by loaded_at, id").query(Long.class).list()
                .stream().map(this::byId).toList();
    }

    /** The version activated last: what a new campaign starts with. */
    @Transactional(readOnly = true)
    public Checklist current() {
        return jdbc.sql("select id from inspection_checklist where activated_at is not null order by activated_at desc, id desc")
                .query(Long.class)
                .list().stream().findFirst().map(this::byId)
                .orElseThrow(() -> new IllegalStateException("no checklist is loaded"));
    }

    @Transactional(readOnly = true)
    public Optional<Checklist> find(String version) {
        return jdbc.sql("select id from inspection_checklist where version = ?").param(version).query(Long.class)
                .optional().map(this::byId);
    }

    @Transactional(readOnly = true)
    public Checklist byId(long id) {
        List<ChecklistItem> items = jdbc.sql("""
                        select code, part, position, title, rule_text, max_points, editable, service_only, indicator, source
                        from inspection_checklist_item where checklist_id = ? order by position""")
                .param(id)
                .query((row, i) -> new ChecklistItem(row.getString("code"), ChecklistPart.valueOf(row.getString("part")),
                        row.getInt("position"), row.getString("title"), row.getString("rule_text"),
                        row.getBigDecimal("max_points"), row.getBoolean("editable"), row.getBoolean("service_only"),
                        row.getString("indicator"), row.getString("source")))
                .list();
        return jdbc.sql("select id, version, title, loaded_at, loaded_by, activated_at from inspection_checklist where id = ?")
                .param(id)
                .query((row, i) -> new Checklist(row.getLong("id"), row.getString("version"), row.getString("title"),
                        row.getTimestamp("loaded_at").toInstant(), row.getString("loaded_by"),
                        Times.instant(row.getTimestamp("activated_at")), items))
                .optional().orElseThrow(() -> new NotFoundException("checklist " + id));
    }

    private long store(ChecklistDocument document, String by) {
        Instant now = clock.instant();
        jdbc.sql("insert into inspection_checklist (version, title, loaded_at, loaded_by) values (?, ?, ?, ?)")
                .params(document.version(), document.title(), Times.utc(now), by).update();
        long id = jdbc.sql("select id from inspection_checklist where version = ?").param(document.version())
                .query(Long.class).single();
        int position = 0;
        for (ChecklistDocument.Item item : document.items()) {
            boolean scored = item.part() != ChecklistPart.VETO;
            jdbc.sql("""
                            insert into inspection_checklist_item (checklist_id, code, part, position, title, rule_text,
                                max_points, editable, service_only, indicator, source)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, item.code(), item.part().name(), ++position, item.title(),
                            item.rule() == null ? item.title() : item.rule(), scored ? item.maxPoints() : null,
                            scored && item.maxPoints() == null, Boolean.TRUE.equals(item.serviceOnly()),
                            item.indicator(), item.source())
                    .update();
        }
        return id;
    }

    private static void validate(ChecklistDocument document) {
        List<FieldProblem> problems = new ArrayList<>();
        if (document.version() == null || !document.version().matches("[0-9A-Za-z._-]{1,40}")) {
            problems.add(FieldProblem.of("version", "inspection.checklist.version", "版本须为1至40个字母、数字或 . _ -"));
        }
        if (document.title() == null || document.title().isBlank() || document.title().length() > 400) {
            problems.add(FieldProblem.of("title", "inspection.checklist.title", "须写明指标的名称（不超过400字）"));
        }
        if (document.items() == null || document.items().isEmpty()) {
            problems.add(FieldProblem.of("items", "inspection.checklist.items", "指标至少有一项"));
        } else {
            Set<String> codes = new HashSet<>();
            for (int i = 0; i < document.items().size(); i++) {
                ChecklistDocument.Item item = document.items().get(i);
                String at = "items[" + i + "]";
                if (item.code() == null || !CODE.matcher(item.code()).matches() || !codes.add(item.code())) {
                    problems.add(FieldProblem.of(at + ".code", "inspection.checklist.code", "代码须为唯一的大写字母、数字或下划线"));
                }
                if (item.part() == null) {
                    problems.add(FieldProblem.of(at + ".part", "inspection.checklist.part", "须为 VETO、DEDUCTION 或 BONUS"));
                }
                if (item.title() == null || item.title().isBlank() || item.title().length() > 400) {
                    problems.add(FieldProblem.of(at + ".title", "inspection.checklist.itemTitle", "须写明指标项（不超过400字）"));
                }
                if (item.rule() != null && item.rule().length() > 2000) {
                    problems.add(FieldProblem.of(at + ".rule", "inspection.checklist.rule", "规则不超过2000字"));
                }
                if (item.maxPoints() != null && (item.maxPoints().signum() <= 0 || item.maxPoints().compareTo(MOST) > 0)) {
                    problems.add(FieldProblem.of(at + ".maxPoints", "inspection.item.pointsRange", "分值须大于0且不超过100"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
