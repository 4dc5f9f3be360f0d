-- The figures' dates of the cases written before V29, from their files (case_record): the orders,
-- responses, escalations and granted extensions in the business time zone. Whether an earlier
-- case was rectified on time and in how many working days is left empty (the working-day
-- calendar is Java's): those cases count in every figure but the on-time rate and the median.
update rectification_case c set
    ordered_on = (select min(r.occurred_at at time zone 'Asia/Shanghai')::date from case_record r
                  where r.case_id = c.id and r.kind = 'ORDER'),
    responded_on = (select max(r.occurred_at at time zone 'Asia/Shanghai')::date from case_record r
                    where r.case_id = c.id and r.kind = 'RESPONSE'),
    escalated_on = (select min(r.occurred_at at time zone 'Asia/Shanghai')::date from case_record r
                    where r.case_id = c.id and r.kind = 'ESCALATION'),
    extension_granted_on = (select min(r.occurred_at at time zone 'Asia/Shanghai')::date from case_record r
                            where r.case_id = c.id and r.kind = 'EXTENSION_DECISION'
                              and r.data_json like '%"granted":true%');
