-- 智联普陀 sensors: what kinds there are (with their metrics and valid ranges), the rules
-- that turn readings into alarms (data, not code), the devices and gateways, readings
-- partitioned by day, the latest state per device, alarms and dead letters.
create table sensor_type (
    code     text primary key check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    name     text not null,
    -- [{"name": "level_cm", "unit": "cm", "min": 0, "max": 300}, ...]
    metrics  jsonb not null,
    -- expected reporting interval; the default NO_DATA rule is derived from it
    heartbeat_seconds int not null check (heartbeat_seconds > 0)
);

create table sensor_rule (
    id              bigserial primary key,
    type_code       text not null references sensor_type (code),
    code            text not null check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    name            text not null,
    kind            text not null check (kind in ('THRESHOLD', 'EVENT', 'RATE', 'NO_DATA', 'INACTIVITY')),
    metric          text,
    operator        text check (operator in ('>', '<', '>=', '<=', '=')),
    threshold       double precision,
    -- hysteresis: the alarm clears only past this value (THRESHOLD, RATE)
    clear_threshold double precision,
    -- how long the condition must hold (THRESHOLD) / the window (RATE, NO_DATA, INACTIVITY)
    seconds         int not null default 0 check (seconds >= 0),
    severity        text not null check (severity in ('CRITICAL', 'MAJOR', 'MINOR', 'WARNING')),
    -- AUTO: a case at once (life safety); CONFIRM: after an operator confirms a true alarm; NONE: no case
    case_mode       text not null check (case_mode in ('AUTO', 'CONFIRM', 'NONE')),
    category_code   text,
    -- flapping: more than this many raises within flap_seconds suppresses new raises
    flap_limit      int not null default 5,
    flap_seconds    int not null default 3600,
    active          boolean not null default true,
    unique (type_code, code)
);

create table sensor_gateway (
    id         text primary key check (id ~ '^[A-Za-z0-9_.-]{1,64}$'),
    name       text not null,
    unit_code  text,
    last_seen  timestamptz,
    created_at timestamptz not null default now()
);

create table sensor_device (
    id             text primary key check (id ~ '^[A-Za-z0-9_.-]{1,64}$'),
    type_code      text not null references sensor_type (code),
    lon            double precision not null,
    lat            double precision not null,
    unit_code      text not null,
    compound_code  text,
    building       text,
    household      text,
    installed_on   date,
    gateway_id     text references sensor_gateway (id),
    demo           boolean not null default false,
    created_at     timestamptz not null default now()
);
create index sensor_device_gateway on sensor_device (gateway_id);

-- The latest value per metric and when the device was last heard, for the live map and
-- for rules that need the past (durations, rates, flapping).
create table sensor_state (
    device_id   text primary key references sensor_device (id),
    last_seen   timestamptz not null,
    last_values jsonb not null default '{}',
    -- per rule: {"WATER_HIGH": {"since": "...", "last": 12.5, "raises": [...]}} 
    rule_state  jsonb not null default '{}'
);
create index sensor_state_last_seen on sensor_state (last_seen);

create table sensor_reading (
    device_id  text not null,
    at         timestamptz not null,
    metric     text not null,
    value      double precision not null,
    primary key (device_id, metric, at)
) partition by range (at);

create table sensor_gateway_alarm (
    id          bigserial primary key,
    gateway_id  text not null references sensor_gateway (id),
    raised_at   timestamptz not null,
    cleared_at  timestamptz
);
create unique index sensor_gateway_alarm_one_open on sensor_gateway_alarm (gateway_id) where cleared_at is null;

create table sensor_alarm (
    id               bigserial primary key,
    device_id        text not null references sensor_device (id),
    rule_id          bigint not null references sensor_rule (id),
    state            text not null check (state in ('ACTIVE', 'ACKNOWLEDGED', 'CLEARED')),
    severity         text not null,
    raised_at        timestamptz not null,
    last_at          timestamptz not null,
    repeats          int not null default 0,
    value            double precision,
    acknowledged_by  text,
    acknowledged_at  timestamptz,
    cleared_by       text,
    cleared_at       timestamptz,
    verdict          text check (verdict in ('TRUE', 'FALSE')),
    verdict_by       text,
    case_id          bigint,
    -- a device's offline alarm folded under its gateway's
    parent_id        bigint references sensor_gateway_alarm (id)
);
-- One alarm per device and rule that is not cleared: concurrency cannot duplicate it.
create unique index sensor_alarm_one_open on sensor_alarm (device_id, rule_id) where state <> 'CLEARED';
create index sensor_alarm_open on sensor_alarm (state, raised_at) where state <> 'CLEARED';

create table sensor_dead_letter (
    id           bigserial primary key,
    received_at  timestamptz not null,
    source       text not null,
    reason       text not null,
    device_id    text,
    detail       text,
    payload      text
);
create index sensor_dead_letter_reason on sensor_dead_letter (reason, received_at);

-- The town's sensor mix and its rules.
insert into sensor_type (code, name, metrics, heartbeat_seconds) values
 ('SMOKE', '独立式烟感', '[{"name":"smoke","unit":"","min":0,"max":1},{"name":"battery","unit":"%","min":0,"max":100}]', 3600),
 ('EBIKE_CHARGER', '电动自行车充电桩', '[{"name":"temperature_c","unit":"°C","min":-40,"max":150},{"name":"current_a","unit":"A","min":0,"max":64}]', 600),
 ('MANHOLE_TILT', '井盖倾斜传感器', '[{"name":"tilt_deg","unit":"°","min":0,"max":180},{"name":"battery","unit":"%","min":0,"max":100}]', 3600),
 ('WATER_LEVEL', '积水监测点', '[{"name":"level_cm","unit":"cm","min":0,"max":300}]', 300),
 ('DOOR', '独居老人门磁', '[{"name":"open","unit":"","min":0,"max":1}]', 3600),
 ('WATER_METER', '独居老人智能水表', '[{"name":"flow_l","unit":"L","min":0,"max":2000}]', 3600),
 ('SPRINKLER', '非机动车库喷淋压力', '[{"name":"pressure_mpa","unit":"MPa","min":0,"max":2.5}]', 600);

insert into sensor_rule (type_code, code, name, kind, metric, operator, threshold, clear_threshold, seconds, severity, case_mode, category_code) values
 ('SMOKE', 'SMOKE', '烟雾报警', 'EVENT', 'smoke', '=', 1, null, 0, 'CRITICAL', 'AUTO', '01013'),
 ('SMOKE', 'BATTERY_LOW', '烟感电量低', 'THRESHOLD', 'battery', '<', 15, 25, 0, 'MINOR', 'NONE', null),
 ('EBIKE_CHARGER', 'OVERHEAT', '充电桩过温', 'THRESHOLD', 'temperature_c', '>', 70, 60, 60, 'MAJOR', 'CONFIRM', '01054'),
 ('MANHOLE_TILT', 'TILTED', '井盖倾斜或移位', 'THRESHOLD', 'tilt_deg', '>', 15, 5, 0, 'MAJOR', 'CONFIRM', '01023'),
 ('WATER_LEVEL', 'WATER_HIGH', '积水超过15厘米', 'THRESHOLD', 'level_cm', '>', 15, 10, 300, 'CRITICAL', 'AUTO', '01004'),
 ('WATER_LEVEL', 'WATER_RISING', '积水快速上涨', 'RATE', 'level_cm', '>', 5, 1, 60, 'WARNING', 'NONE', null),
 ('DOOR', 'NO_MOVEMENT', '独居老人24小时无开门', 'INACTIVITY', 'open', '=', 1, null, 86400, 'CRITICAL', 'AUTO', 'L01001'),
 ('WATER_METER', 'NO_WATER', '独居老人24小时无用水', 'INACTIVITY', 'flow_l', '>', 0, null, 86400, 'MAJOR', 'CONFIRM', 'L01001'),
 ('SPRINKLER', 'PRESSURE_LOW', '喷淋压力不足', 'THRESHOLD', 'pressure_mpa', '<', 0.1, 0.15, 300, 'MAJOR', 'CONFIRM', '01013');

-- Every kind goes offline after three missed heartbeats.
insert into sensor_rule (type_code, code, name, kind, seconds, severity, case_mode)
select code, 'OFFLINE', name || '离线', 'NO_DATA', heartbeat_seconds * 3, 'WARNING', 'NONE' from sensor_type;
