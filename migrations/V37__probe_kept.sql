-- The probes a finding was judged on outlive the raw probes' retention, with their bodies:
-- a case may last longer than 30 days, and its evidence with it.
alter table probe add column kept boolean default false not null;
