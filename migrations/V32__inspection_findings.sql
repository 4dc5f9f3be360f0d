-- A failed item of a final inspection becomes a finding, with the inspection as its evidence.
-- The pair (inspection, item) is unique: an inspection's failures open findings once, however
-- often anything runs again (null for the monitoring's findings, and nulls never collide).
alter table finding add column inspection_id bigint references inspection (id);
alter table finding add column inspection_item varchar(60);
create unique index finding_inspection_item on finding (inspection_id, inspection_item);
