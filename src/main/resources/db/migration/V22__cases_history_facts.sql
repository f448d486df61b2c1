-- History lines keep the facts they are about as columns, so that nothing reads them back
-- from the notes, which are plain text for people: the case's department and level when
-- the line was written, the stage of an overdue mark, whether the platform did it itself,
-- a postponement's working days and whether it was approved.
alter table case_history
    add column department_code text,
    add column level text,
    add column stage text,
    add column automatic boolean not null default false,
    add column days integer,
    add column approved boolean;

-- Lines written before: the facts recovered once from what their notes said.
alter table case_history disable trigger case_history_no_update;
update case_history h set
    department_code = case
        when h.action = 'dispatch' then split_part(h.note, '：', 1)
        when h.action in ('accept', 'return', 'handle') then
            (select split_part(d.note, '：', 1) from case_history d
              where d.case_id = h.case_id and d.action = 'dispatch' and d.id < h.id
              order by d.id desc limit 1)
        end,
    level = case when h.action = 'escalate' then substring(h.note from '升级至([A-Z]+)') end,
    stage = case when h.action = 'overdue' then split_part(h.note, ' ', 1) end,
    automatic = (h.actor = 'system' and h.role = 'SYSTEM'),
    days = case when h.action = 'postpone' and h.note like '申请延期 %'
                then nullif(substring(h.note from '申请延期 ([0-9]+) '), '')::integer end,
    approved = case when h.action = 'postpone' and h.note like '批准延期%' then true
                    when h.action = 'postpone' and h.note like '不予延期%' then false end;
alter table case_history enable trigger case_history_no_update;
