-- The evaluation's figures (src/docs/stats.md). What a figure needs of a case is written on the
-- case row in the same transaction as the step that decides it, so a figure read a second after a
-- case closed counts it: no cache to go stale, no nightly job. Business dates (Asia/Shanghai), so
-- that a period of dates is a plain range.
alter table rectification_case add column ordered_on date;
alter table rectification_case add column responded_on date;
alter table rectification_case add column rectified_on_time boolean;
alter table rectification_case add column rectification_working_days int;
alter table rectification_case add column escalated_on date;
alter table rectification_case add column extension_granted_on date;

-- One index per date axis of the scorecard, each carrying the columns its figures count, so a
-- province's year is one index-only range scan per axis (measured: src/docs/performance.md, P14).
create index stats_opened on rectification_case (created_at, region_code, respondent_org_code, category_code, source, repeat_violation);
create index stats_closed on rectification_case (closed_at, region_code, respondent_org_code, rectified_on_time, rectification_working_days, rejection_count);
create index stats_ordered on rectification_case (ordered_on, region_code, respondent_org_code);
create index stats_escalated on rectification_case (escalated_on, region_code, respondent_org_code);
create index stats_extended on rectification_case (extension_granted_on, region_code, respondent_org_code);
-- a body's own scorecard: its cases by respondent, whatever the axis
create index stats_body on rectification_case (respondent_org_code, created_at, closed_at, ordered_on, status, deadline);

-- The ranking's weights, set by the administrator: each change a new version, none overwritten,
-- so a published ranking names the weights it was computed with.
create table ranking_weights (
    version     int          primary key,
    on_time     int          not null check (on_time between 0 and 100),
    overdue     int          not null check (overdue between 0 and 100),
    speed       int          not null check (speed between 0 and 100),
    repeats     int          not null check (repeats between 0 and 100),
    escalations int          not null check (escalations between 0 and 100),
    set_by      varchar(60)  not null,
    set_at      timestamp with time zone not null
);
insert into ranking_weights (version, on_time, overdue, speed, repeats, escalations, set_by, set_at)
values (1, 40, 20, 20, 10, 10, 'system', timestamp with time zone '2026-01-01 00:00:00+08:00');
-- the open orders now, and those past their deadline, of a whole province without reading its closed cases
create index stats_open_orders on rectification_case (status, deadline, region_code, respondent_org_code);
