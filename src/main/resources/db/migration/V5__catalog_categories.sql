-- Case categories (GB/T 47678.5): minor categories with their major category, defaults and deadline.
-- Components (部件) carry a leading B: the standard numbers a component and its anomaly matter alike.
create table catalog_category (
    code                   text primary key check (code ~ '^B?[0-9]{5}$'),
    kind                   text not null check (kind in ('COMPONENT', 'MATTER')),
    major_code             text not null,
    major_name             text not null,
    name                   text not null,
    default_department     text not null,
    registration_condition text not null,
    closing_condition      text not null,
    deadline_amount        int not null check (deadline_amount between 1 and 1000),
    deadline_unit          text not null check (deadline_unit in ('WORKING_HOURS', 'WORKING_DAYS', 'CALENDAR_DAYS')),
    simple_procedure       boolean not null default false,
    keywords               text not null default '',
    active                 boolean not null default true,
    revision               int not null default 1,
    updated_by             text not null,
    updated_at             timestamptz not null
);
create table catalog_category_revision (
    code       text not null references catalog_category (code),
    revision   int not null,
    snapshot   jsonb not null,
    changed_by text not null,
    changed_at timestamptz not null,
    primary key (code, revision)
);
