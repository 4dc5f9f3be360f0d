package io.rectify.workflow.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code work_item} table (migration V10): the open user tasks, one row per candidate body,
 * kept by {@link WorkItemListener} in the engine's own transaction. The inbox and the open tasks
 * of a case read it through its indexes instead of the engine's candidate-group task query.
 */
@Component
public class WorkItems {

    private static final String COLUMNS = "task_id, case_id, case_number, task_key, name, due, created_at";

    private final NamedParameterJdbcTemplate jdbc;

    WorkItems(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A task was created: one row per candidate group, in one multi-row insert. */
    void opened(String taskId, Collection<String> groups, String caseId, String caseNumber, String processInstanceId,
                String taskKey, String formKey, String name, Date due, Date created) {
        if (groups.isEmpty()) {
            return; // nobody's inbox: the task stays reachable through its case only
        }
        StringBuilder sql = new StringBuilder("insert into work_item (task_id, candidate_group, case_id, case_number,"
                + " process_instance_id, task_key, form_key, name, due, created_at) values ");
        Map<String, Object> params = new java.util.HashMap<>(Map.of("task", taskId, "case", caseId, "pi", processInstanceId,
                "key", taskKey, "created", utc(created)));
        params.put("number", caseNumber);
        params.put("form", formKey);
        params.put("name", name);
        params.put("due", due == null ? null : utc(due));
        int i = 0;
        for (String group : groups) {
            sql.append(i == 0 ? "" : ", ")
                    .append("(:task, :g").append(i).append(", :case, :number, :pi, :key, :form, :name, :due, :created)");
            params.put("g" + i, group);
            i++;
        }
        jdbc.update(sql.toString(), params);
    }

    /** A task was completed or deleted (cancelled by a boundary event, a terminate end, a deleted instance). */
    void closed(String taskId) {
        jdbc.update("delete from work_item where task_id = :task", Map.of("task", taskId));
    }

    /** The open tasks of one candidate group, most urgent first (no due date last), oldest first on a tie. */
    public List<Row> ofGroup(String group) {
        return jdbc.query("select " + COLUMNS + " from work_item where candidate_group = :group"
                + " order by due nulls last, created_at, task_id", Map.of("group", group), WorkItems::row);
    }

    /** The first {@code limit} of {@link #ofGroup}: a body with tens of thousands of tasks reads the index's first rows. */
    public List<Row> ofGroup(String group, int limit) {
        return jdbc.query("select " + COLUMNS + " from work_item where candidate_group = :group"
                + " order by due nulls last, created_at, task_id limit " + limit, Map.of("group", group), WorkItems::row);
    }

    /** The open tasks of these cases, each task once, in one query. */
    public List<Row> ofCases(Collection<String> caseIds) {
        if (caseIds.isEmpty()) {
            return List.of();
        }
        List<Row> rows = new ArrayList<>();
        // distinct: a task with several candidate groups has several rows
        jdbc.query("select distinct " + COLUMNS + " from work_item where case_id in (:cases)"
                + " order by created_at, task_id", Map.of("cases", caseIds), rs -> {
            rows.add(row(rs, 0));
        });
        return rows;
    }

    /** The open tasks of one case that one candidate group may do (the task links of the case page). */
    public List<Row> ofCase(String caseId, String group) {
        return jdbc.query("select " + COLUMNS + " from work_item where case_id = :case and candidate_group = :group"
                + " order by created_at, task_id", Map.of("case", caseId, "group", group), WorkItems::row);
    }

    /** Who holds the open tasks of one case: a row per task and candidate group, oldest task first. */
    public List<Holder> holdersOf(String caseId) {
        return jdbc.query("select task_key, name, candidate_group from work_item where case_id = :case"
                        + " order by created_at, task_id, candidate_group", Map.of("case", caseId),
                (rs, n) -> new Holder(rs.getString(1), rs.getString(2), rs.getString(3)));
    }

    /** An open task's key and name, and one of its candidate groups. */
    public record Holder(String taskKey, String name, String group) {
    }

    /**
     * An open task as the one who does it needs it: its case, what it is, its form and its
     * candidate groups (a primary-key range), or null when it is not open.
     */
    public Open open(String taskId) {
        List<Open> rows = jdbc.query("select case_id, task_key, form_key, name, due, candidate_group from work_item"
                        + " where task_id = :task", Map.of("task", taskId),
                (rs, n) -> new Open(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class), Set.of(rs.getString(6))));
        if (rows.isEmpty()) {
            return null;
        }
        Set<String> groups = rows.stream().flatMap(row -> row.groups().stream()).collect(Collectors.toSet());
        Open first = rows.get(0);
        return new Open(first.caseId(), first.taskKey(), first.formKey(), first.name(), first.due(), groups);
    }

    /** An open task: its case, task and form keys, name, due date and candidate groups. */
    public record Open(String caseId, String taskKey, String formKey, String name, OffsetDateTime due,
                       Set<String> groups) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getString("task_id"), rs.getString("case_id"), rs.getString("case_number"), rs.getString("task_key"),
                rs.getString("name"), rs.getObject("due", OffsetDateTime.class), rs.getObject("created_at", OffsetDateTime.class));
    }

    private static OffsetDateTime utc(Date date) {
        return date.toInstant().atOffset(ZoneOffset.UTC);
    }

    /** One open task as the inbox shows it. */
    public record Row(String taskId, String caseId, String caseNumber, String taskKey, String name, OffsetDateTime due,
                      OffsetDateTime created) {
    }
}
