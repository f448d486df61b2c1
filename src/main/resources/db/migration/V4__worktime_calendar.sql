-- Dates of the official calendar that differ from the ordinary week: public holidays and adjusted working days (调休).
create table worktime_day (
    day       date primary key,
    kind      text not null check (kind in ('HOLIDAY', 'WORKDAY')),
    name      text not null,
    loaded_by text not null,
    loaded_at timestamptz not null
);
