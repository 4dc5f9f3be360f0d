-- A year's holiday schedule loaded at run time by the system administrator (holiday-cn JSON, as
-- the State Council publishes it), so that no redeploy waits on the notice. The schedules shipped
-- in holiday-cn/ stay the base; a year loaded here replaces the shipped one of that year. In the
-- database so that every node of a cluster counts the same working days, and a restart keeps them.
create table holiday_schedule (
    schedule_year integer        primary key,
    schedule_json varchar(65536) not null,   -- the holiday-cn JSON as loaded and checked
    loaded_by     varchar(60)    not null,
    loaded_at     timestamp with time zone not null
);

-- One row whose revision goes up with every load, in the load's transaction: each node compares it
-- with the revision its calendar was built from, and reads the schedules again only when it moved.
-- The update also queues two loads at once, one after the other.
create table holiday_schedule_revision (
    id       integer primary key,
    revision bigint  not null
);
insert into holiday_schedule_revision (id, revision) values (1, 0);
