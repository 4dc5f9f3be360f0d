-- A deadline reminder tells how many working days are left (rectify.notifications.reminder-days):
-- its texts, in every language, are written when it is read, so the outbox keeps the number.
alter table notification add column working_days_left integer;
