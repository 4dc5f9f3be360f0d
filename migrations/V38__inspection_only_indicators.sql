-- The 2019 checklist's items that only an inspector judges name an indicator too, so that a failed
-- one becomes a finding of its category (bpmn/finding-category.dmn) like the others. Scoring does
-- not change; an installation that loaded the 2019 set before gets the same names.
update inspection_checklist_item set indicator = 'SECURITY_INCIDENT'
 where code = 'SECURITY' and indicator is null
   and checklist_id in (select id from inspection_checklist where version = '2019');
update inspection_checklist_item set indicator = 'SERVICE_UNUSABLE'
 where code = 'SERVICE_USELESS' and indicator is null
   and checklist_id in (select id from inspection_checklist where version = '2019');
update inspection_checklist_item set indicator = 'POLICY_STALE'
 where code = 'POLICY_COLUMN_STALE' and indicator is null
   and checklist_id in (select id from inspection_checklist where version = '2019');
update inspection_checklist_item set indicator = 'SERVICE_STATS_STALE'
 where code = 'SERVICE_STATS_STALE' and indicator is null
   and checklist_id in (select id from inspection_checklist where version = '2019');
update inspection_checklist_item set indicator = 'REPLY_STALE'
 where code = 'REPLY_STALE' and indicator is null
   and checklist_id in (select id from inspection_checklist where version = '2019');
