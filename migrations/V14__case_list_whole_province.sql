-- Issue 5 (case list at 1M cases): a body of the whole province sees every case (an office) or
-- every escalated case (a supervision body), so CaseSearch leaves out its region condition, and
-- these indexes serve the page and the bounded count (up to 1,001 ids) of each filter. Without
-- them the counts walked a bitmap of every escalated case, or of every case of a city, and
-- filtered the rows one by one: 29-46 ms each at 1M cases, the case list's slowest statements.
-- EXPLAIN ANALYZE, PostgreSQL 15, 1M cases (the benchmark's province: 10 cities, 5% escalated).

-- Province supervision, a page: where escalated = true [and filter] order by created_at desc, id desc
-- limit 20. Before: Index Scan using case_list_newest, Filter: (escalated AND region_code = ANY (...)),
-- Rows Removed by Filter: 10066, 6.8 ms. After: Index Scan using case_list_escalated_newest,
-- Index Cond: (escalated = true), 0.5 ms (0.6 ms with the overdue filter).
create index case_list_escalated_newest on rectification_case (escalated, created_at desc, id desc);

-- Province supervision, the count with a category: where escalated = true and category_code = ?
-- limit 1001. Before: Bitmap Heap Scan ... Filter: (escalated AND category_code = 'A33-03'),
-- Rows Removed by Filter: 8402, 46.5 ms. After: Index Only Scan using case_escalated_category, 0.36 ms.
create index case_escalated_category on rectification_case (escalated, category_code);

-- Province supervision, the count by status or overdue: where escalated = true and status = 'ORDERED'
-- [and deadline < today] limit 1001. Before: Bitmap Heap Scan, Rows Removed by Filter: 19743, 44.8 ms.
-- After: Index Only Scan using case_escalated_status, 0.28 ms. A province office's count by status
-- or overdue (no region condition) reads the same index: 1.5 ms.
create index case_escalated_status on rectification_case (escalated, status, deadline);

-- A city office, the count with a category: where region_code in (...) and category_code = ? limit
-- 1001. Before: Bitmap Index Scan on case_list_region (100,000 rows of the city), then the filter.
-- After: Index Only Scan using case_region_category, 0.37 ms.
create index case_region_category on rectification_case (region_code, category_code);

-- A city office, the count of overdue cases: where region_code in (...) and status = 'ORDERED' and
-- deadline < ? limit 1001. The deadline joins the region-and-status index, so the count reads the
-- index alone (before: a bitmap of the city's cases and its ordered ones, then the rows, 18 ms at
-- 1M cases). Its page (order by created_at desc) reads the same index as before, by its prefix.
drop index case_region_status;
create index case_region_status on rectification_case (region_code, status, created_at, deadline);
