-- The 2019 checklist's items that only an inspector judges name an indicator too, so that a failed
-- one becomes a finding of its category (bpmn/finding-category.dmn) like the others. Scoring does
-- not change; an installation that loaded the 2019 set before gets the same names.
update inspection_checklist_item
   set indicator = case code
                       when 'SECURITY' then 'SECURITY_INCIDENT'
                       when 'SERVICE_USELESS' then 'SERVICE_UNUSABLE'
                       when 'POLICY_COLUMN_STALE' then 'POLICY_STALE'
                       else code
                   end
 where code in ('SECURITY', 'SERVICE_USELESS', 'POLICY_COLUMN_STALE', 'SERVICE_STATS_STALE', 'REPLY_STALE')
   and indicator is null
   and checklist_id in (select id from inspection_checklist where version = '2019');
