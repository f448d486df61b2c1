-- Departments that handle cases, staff scopes, and routing rules.
create table department (
    code       text primary key check (code ~ '^[A-Za-z0-9_.-]{1,40}$'),
    name       text not null,
    kind       text not null check (kind in ('CITY_MANAGEMENT', 'MARKET_SUPERVISION', 'POLICE', 'HOUSING', 'AREA_CENTRE',
                                             'OPERATIONS_CENTRE', 'COMMITTEE', 'PROPERTY_COMPANY')),
    place_code text,
    active     boolean not null default true
);
create table staff_scope (
    username        text primary key references staff_account (username),
    department_code text not null references department (code),
    scope_kind      text not null check (scope_kind in ('TOWN', 'AREA', 'UNIT')),
    scope_places    text not null default ''
);
create table routing_rule (
    id              bigserial primary key,
    category_code   text references catalog_category (code),
    place_code      text,
    department_code text not null references department (code)
);
create unique index routing_rule_one_per_key on routing_rule (coalesce(category_code, ''), coalesce(place_code, ''));
