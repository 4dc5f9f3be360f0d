-- Issue 5 (speed): the product's own indexed tables for the inbox and the case list, and the
-- indexes the engine's own scripts lack. Every index names the query it serves.

-- The inbox: one row per open user task and candidate body, written by a task listener in the
-- transaction of the engine's own create / complete / delete of the task (workflow module,
-- WorkItemListener), so it is never stale. Deliberately no foreign keys: the listener writes
-- while the engine's and Hibernate's own inserts are still waiting for their flush at commit.
create table work_item (
    task_id             varchar(64)  not null,
    candidate_group     varchar(64)  not null,
    case_id             varchar(36)  not null,
    case_number         varchar(80),
    process_instance_id varchar(64)  not null,
    task_key            varchar(255) not null,
    name                varchar(255),
    due                 timestamp with time zone,
    created_at          timestamp with time zone not null,
    primary key (task_id, candidate_group)
);
-- GET /api/tasks: where candidate_group = ? order by due nulls last, created_at, task_id.
-- An index range scan in the order the inbox shows, whatever the number of open tasks.
create index work_item_inbox on work_item (candidate_group, due, created_at, task_id);
-- The open tasks of a page of cases (OpenTasks): where case_id in (...).
create index work_item_case on work_item (case_id);

-- A database upgraded from an earlier release already has open tasks: copy them in once.
insert into work_item (task_id, candidate_group, case_id, case_number, process_instance_id, task_key, name, due,
                       created_at)
select t.id_, l.group_id_, p.business_key_, c.case_number, t.proc_inst_id_, t.task_def_key_, t.name_, t.due_date_,
       t.create_time_
from act_ru_task t
join act_ru_identitylink l on l.task_id_ = t.id_ and l.type_ = 'candidate' and l.group_id_ is not null
join act_ru_execution p on p.id_ = t.proc_inst_id_
join rectification_case c on c.id = p.business_key_;

-- GET /api/cases, keyset order (created_at desc, id desc), one index per way a case is visible
-- (CaseSearch): a province office reads the newest cases of everything ...
create index case_list_newest on rectification_case (created_at desc, id desc);
-- ... a city office those of its regions (region_code in (...)) ...
create index case_list_region on rectification_case (region_code, created_at desc, id desc);
-- ... a department those it answers for, an office those it opened.
create index case_list_respondent on rectification_case (respondent_org_code, created_at desc, id desc);
create index case_list_opener on rectification_case (opened_by_org_code, created_at desc, id desc);

-- Engine: completing a task looks up its subtasks (select ... from ACT_RU_TASK where
-- PARENT_TASK_ID_ = ?); without this index every completion scans all open tasks. The issue
-- measured 150-190 completions/s without it, 264/s with it.
create index rectify_task_parent on act_ru_task (parent_task_id_);
-- Engine: the job executor's acquisition (... where (DUEDATE_ is null or DUEDATE_ <= ?) and
-- RETRIES_ > 0 ...): without it every acquisition scans all pending timers (1M in a province).
create index rectify_job_duedate on act_ru_job (duedate_);

-- GET /api/cases for a supervision body: escalated cases of its regions, newest first. Escalated
-- cases are a few percent of all, so without this index the page and its count filter through
-- the region's every case to find them. (Not a partial index: H2 has none.)
create index case_list_escalated on rectification_case (escalated, region_code, created_at desc, id desc);
