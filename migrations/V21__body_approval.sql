-- Separation of duties, for bodies as for accounts: an office or a supervision body the system
-- administrator creates is pending until the security administrator approves it. While pending
-- it opens no case, is chosen as no respondent and receives no task, and its accounts cannot sign
-- in or be approved. The bodies that exist already (installed, demo, created before) are approved.
alter table organization add column approved boolean default true not null;
