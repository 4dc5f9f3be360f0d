-- The ranking's weights of the sites' components: the monitoring's health, the spot checks' 合格率
-- and the 找错 reports answered on time. 0 in the versions set before, so the rankings published
-- with them stay what they were; the administrator gives them weight in a new version.
alter table ranking_weights add column monitoring int default 0 not null check (monitoring between 0 and 100);
alter table ranking_weights add column spot_checks int default 0 not null check (spot_checks between 0 and 100);
alter table ranking_weights add column error_reports int default 0 not null check (error_reports between 0 and 100);
