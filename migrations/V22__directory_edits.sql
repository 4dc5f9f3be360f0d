-- Bodies and websites are edited and deactivated, never deleted: cases, accounts and the audit
-- record keep pointing at them. A deactivated body or website is no longer offered for new cases.
-- The version numbers make two administrators' edits of one row safe: the second is refused (409)
-- instead of silently undoing the first.
alter table organization add column active boolean default true not null;
alter table organization add column version bigint default 0 not null;
alter table website add column active boolean default true not null;
alter table website add column version bigint default 0 not null;
