-- Where a finding came from: the monitoring's own failed check, a failed item of a final
-- inspection, or a defect named by a 通报 from above. The case a finding opens takes its source
-- from it (FindingOrigin.caseSource), and the scorecards count the cases opened by source.
alter table finding add column origin varchar(12) default 'MONITORING' not null;
alter table finding add constraint finding_origin_known check (origin in ('MONITORING', 'INSPECTION', 'CIRCULAR'));

update finding set origin = 'INSPECTION' where inspection_id is not null;

-- A cited finding is the one whose opening the audit recorded as FINDING_CITED ("finding <id> ...").
-- A 通报's line that followed a finding open already names that finding too, but it came from the
-- monitoring or an inspection, so the line's finding_id alone does not tell.
update finding set origin = 'CIRCULAR'
 where inspection_id is null
   and id in (select substring(a.detail from 9 for 36) from audit_entry a
               where a.action = 'FINDING_CITED' and a.detail like 'finding %');

-- The cases those findings opened. A case is opened by one finding, named in the audit's
-- FINDING_CONFIRMED entry on that case; the findings that joined it later (FINDING_ATTACHED) do not
-- change where it came from.
update rectification_case set source = 'INSPECTION'
 where source = 'MONITOR'
   and id in (select f.case_id from finding f
                join audit_entry a on a.case_id = f.case_id and a.action = 'FINDING_CONFIRMED'
                                  and a.detail like 'finding %' and substring(a.detail from 9 for 36) = f.id
               where f.origin <> 'MONITORING');

-- from now on every writer names the origin: a finding written without one is a mistake
alter table finding alter column origin drop default;
