-- Issue 5 (side effects exactly once): the notification table of V4 is the outbox. Each row is
-- written in the transaction that decides the message; an engine job created in that same
-- transaction (process notificationDelivery) hands it to the channel once the transaction has
-- committed, and sets sent_at and delivered_via in the job's own transaction. A retried job finds
-- sent_at set and sends nothing again; a delivery cut between the channel's answer and the commit is
-- sent again with the same dedup_key, which the receiver uses as its idempotency key.
alter table notification add column delivered_via varchar(20);

