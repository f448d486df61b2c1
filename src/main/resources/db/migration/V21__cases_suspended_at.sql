-- When a case was suspended (挂账), so that resuming it shifts its deadlines by the working
-- time it spent suspended: suspension stops the clock.
alter table case_file add column suspended_at timestamptz;
update case_file c set suspended_at = (select max(h.at) from case_history h
                                        where h.case_id = c.id and h.action = 'suspend')
 where c.status = 'SUSPENDED';
