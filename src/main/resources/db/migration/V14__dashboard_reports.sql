-- Monthly reports kept as they were generated (on the 1st for the month before, or on request):
-- a report is the record of what the figures were when it was made, so late events do not change it.
create table dash_report (
    month         date primary key,          -- the first day of the month
    generated_at  timestamptz not null,
    generated_by  text not null,             -- 'schedule' or the account that asked
    xlsx          bytea not null,
    pdf           bytea not null
);
