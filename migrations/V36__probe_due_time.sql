-- A scheduled homepage probe notes the due time it was run for. db-scheduler runs an execution at
-- least once: a node that dies after its probe is written but before the execution is rescheduled
-- has it run again by another node. The unique index makes that second run write nothing, so every
-- due time has one probe (src/docs/monitoring.md). The daily run's and the checks' requests have
-- no due time (NULL), and any number of them may be stored.
alter table probe add column due_at timestamp with time zone;
create unique index probe_site_due on probe (website_id, due_at);
