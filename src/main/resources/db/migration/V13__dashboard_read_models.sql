-- The dashboard's read models, fed only by events (and rebuilt from the case history on demand).
-- Every event is applied once: its key goes into dash_applied in the same transaction as its effect.
-- Effects do not depend on the order events arrive in (timestamps take the earliest or latest,
-- counters only grow), so concurrent and out-of-order delivery gives the same rows.
create table dash_applied (
    event_key text primary key
);

-- One row per case: its dimensions and what has happened to it, as the KPIs need it.
create table dash_case (
    case_id            bigint primary key,
    number             text,
    channel            text,
    category_code      text,
    unit_code          text,
    block_code         text,
    area_code          text,
    reporter           text,
    verified_by        text,
    department_code    text,
    department_at      timestamptz,
    reported_at        timestamptz,
    registered_at      timestamptz,
    rejected_at        timestamptz,
    dispatched_at      timestamptz,
    accepted_at        timestamptz,
    handled_at         timestamptz,
    verified_at        timestamptz,
    closed_at          timestamptz,
    cancelled_at       timestamptz,
    merged_at          timestamptz,
    suspended_at       timestamptz,
    resumed_at         timestamptz,
    closed_on_time     boolean,
    simple_procedure   boolean not null default false,
    resolved_level     text,
    level              text,
    level_at           timestamptz,
    dispatches         int not null default 0,
    returns            int not null default 0,
    reworks            int not null default 0,
    escalations        int not null default 0,
    postponements      int not null default 0,
    supervised         boolean not null default false,
    -- stages that went past their deadline (REGISTER, DISPATCH, HANDLE, VERIFY, CLOSE)
    overdue_stages     text[] not null default '{}',
    last_overdue_at    timestamptz
);
create index dash_case_reported on dash_case (reported_at);
create index dash_case_closed on dash_case (closed_at);
create index dash_case_open on dash_case (unit_code) where closed_at is null and rejected_at is null
    and cancelled_at is null and merged_at is null;

-- One row per sensor alarm.
create table dash_alarm (
    alarm_id    bigint primary key,
    device_id   text,
    rule_code   text,
    severity    text,
    unit_code   text,
    raised_at   timestamptz,
    cleared_at  timestamptz,
    verdict     boolean
);
create index dash_alarm_raised on dash_alarm (raised_at);
