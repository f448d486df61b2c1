-- A pre-aggregated cube of dash_case for the KPI tiles: the counts of the cases reported on one day (grain 'd'), in
-- one month (grain 'm', bucket = its first day) or one year (grain 'y', bucket = 1 January), town-wide (dim 'town',
-- key '') or per value of one dimension.
-- The counters are CaseKpis.COUNTS, named alike.
create table dash_cube (
    dim                 text not null,
    key                 text not null,
    grain               char(1) not null,
    bucket              date not null,
    reported            bigint not null,
    registered          bigint not null,
    registered_on_time  bigint not null,
    rejected            bigint not null,
    simple              bigint not null,
    dispatched          bigint not null,
    dispatched_on_time  bigint not null,
    handled             bigint not null,
    handled_on_time     bigint not null,
    verified            bigint not null,
    verified_on_time    bigint not null,
    closed              bigint not null,
    closed_on_time      bigint not null,
    reworked            bigint not null,
    returned            bigint not null,
    closed_committee    bigint not null,
    closed_grid         bigint not null,
    closed_town         bigint not null,
    closed_district     bigint not null,
    open                bigint not null,
    open_overdue        bigint not null,
    open_supervised     bigint not null,
    primary key (grain, bucket, dim, key)
);

-- The days (of the town's calendar, by report time) whose cases changed since the cube last counted them: one row per
-- change, written in the transaction of the change, removed by the refresher in the transaction that recounts the day.
-- A KPI reads a dirty day from dash_case itself, so figures are exact whatever the cube's lag. A day that keeps
-- changing (today, under intake) is recounted once it has been quiet for a moment or dirty for a while (KpiCube).
create table dash_dirty (
    id   bigserial primary key,
    day  date not null,
    at   timestamptz not null default now()
);
create index dash_dirty_day on dash_dirty (day);
