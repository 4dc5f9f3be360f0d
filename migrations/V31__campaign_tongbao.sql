-- A campaign's 通报 is an official document like a case's, frozen the same way, but it belongs to
-- a spot-check campaign, not to a case: a document now has exactly one owner, a case or a
-- campaign. A campaign issues one 通报 (a second is refused by the unique index, whatever races).
alter table case_document add column campaign_id bigint references inspection_campaign (id);
alter table case_document alter column case_id drop not null;
alter table case_document add constraint case_document_one_owner
    check ((case_id is not null and campaign_id is null) or (case_id is null and campaign_id is not null));
create unique index case_document_campaign_kind on case_document (campaign_id, kind);
