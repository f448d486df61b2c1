-- The case aggregate ("case" is a reserved word, hence case_file), its append-only history and its photos.
create sequence case_number_seq;

create table case_file (
    id                     bigserial primary key,
    number                 text not null unique,
    status                 text not null,
    channel                text not null,
    category_code          text not null references catalog_category (code),
    description            text not null,
    lon                    double precision not null,
    lat                    double precision not null,
    address                text,
    grid_version           bigint not null references grid_version (id),
    unit_code              text not null,
    block_code             text not null,
    area_code              text not null,
    town_code              text not null,
    committee_code         text,
    compound_code          text,
    department_code        text references department (code),
    level                  text not null,
    reporter               text not null,
    simple_procedure       boolean not null default false,
    supervised             boolean not null default false,
    likely_duplicate_of    bigint references case_file (id),
    merged_into            bigint references case_file (id),
    suspended_from         text,
    reported_at            timestamptz not null,
    registered_at          timestamptz,
    dispatched_at          timestamptz,
    handled_at             timestamptz,
    closed_at              timestamptz,
    stage_deadline         timestamptz,
    handling_deadline      timestamptz,
    stage_overdue          boolean not null default false,
    ever_overdue           boolean not null default false,
    escalated_for_deadline timestamptz,
    postpone_days          int,
    postpone_reason        text,
    resolved_level         text,
    idempotency_key        text unique,
    version                int not null default 0
);
create index case_file_by_status on case_file (status);
create index case_file_by_unit on case_file (unit_code);
create index case_file_due on case_file (stage_deadline) where stage_deadline is not null;
create index case_file_near on case_file (category_code, reported_at);

create table case_history (
    id          bigserial primary key,
    case_id     bigint not null references case_file (id),
    at          timestamptz not null,
    actor       text not null,
    role        text not null,
    action      text not null,
    from_status text,
    to_status   text,
    note        text
);
create index case_history_by_case on case_history (case_id, id);

-- History is append-only: the database refuses changes to what was written.
create function case_history_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'case_history is append-only';
end $$;
create trigger case_history_no_update before update or delete on case_history
    for each row execute function case_history_append_only();

create table case_photo (
    id           bigserial primary key,
    case_id      bigint not null references case_file (id),
    stage        text not null check (stage in ('BEFORE', 'AFTER')),
    content_type text not null,
    bytes        bytea not null,
    sha256       text not null,
    uploaded_by  text not null,
    uploaded_at  timestamptz not null
);
create index case_photo_by_case on case_photo (case_id);
