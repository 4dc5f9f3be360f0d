-- Separation of duties: an account the system administrator creates is pending until the
-- security administrator approves it, and a pending account cannot sign in. Accounts that exist
-- already (the installed administrators, the demo users, accounts created before) are approved.
alter table app_user add column approved boolean default true not null;
