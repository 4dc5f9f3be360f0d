-- A notification about something that is not a case (a public error report forwarded to a body)
-- names no case: the outbox keeps its case column for the messages of cases only.
alter table notification alter column case_id drop not null;
