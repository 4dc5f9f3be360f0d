-- Issue 5 (speed): the case list of a department (GET /api/cases as a RESPONDER, CaseSearch) with
-- a status or an escalation filter. Its cases are (respondent_org_code = ? or opened_by_org_code = ?);
-- with case_list_respondent alone, PostgreSQL fetched every case of the body from the table to
-- test the filter, rows spread over the whole table. Each index below narrows the bitmap to the
-- matching cases, for the page (… order by created_at desc, id desc limit 20) and for its bounded
-- count (select count(*) from (select 1 … limit 1001)) alike.
--
-- Measured by EXPLAIN ANALYZE on PostgreSQL 15, 1,000,012 cases (the benchmark's province,
-- ./mvnw -Pbench verify -Dbench.phases=cases), a department with 2,000 of them:
--
-- status = 'ORDERED' (and the overdue filter, status = 'ORDERED' and deadline < ?):
--   before: Bitmap Index Scan on case_list_respondent (2,000 rows) -> Bitmap Heap Scan, 1,782 rows
--           removed by the filter: page 22.7 ms, count 16.6 ms
--   after:  Bitmap Index Scan on case_list_respondent_status (218 rows): page 1.5 ms, count 1.4 ms
create index case_list_respondent_status on rectification_case (respondent_org_code, status, created_at desc, id desc);
-- escalated = true:
--   before: BitmapAnd of case_respondent (2,000 rows) and case_list_escalated (49,881 rows, every
--           escalated case of the province): page 18.2 ms, count 21.6 ms
--   after:  Bitmap Index Scan on case_list_respondent_escalated (97 rows): page 0.8 ms, count 0.7 ms
create index case_list_respondent_escalated on rectification_case (respondent_org_code, escalated, created_at desc, id desc);
