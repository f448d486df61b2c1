-- 12345 hotline work orders. An order wraps the case it became with the hotline
-- centre's own obligations: first contact, conclusion with a reply, callback, returns
-- and re-handling, each with a deadline in working time.
create table hotline_order (
    id                 bigserial primary key,
    number             text not null unique check (number ~ '^[A-Za-z0-9_-]{1,40}$'),
    received_at        timestamptz not null,
    caller_name        text,
    caller_phone       text,
    type               text not null check (type in ('CONSULTATION', 'HELP', 'COMPLAINT', 'SUGGESTION', 'REPORT')),
    urgent             boolean not null default false,
    address            text,
    content            text not null,
    confidential       boolean not null default false,
    conclusion_days    int not null check (conclusion_days between 1 and 60),
    centre_category    text,
    source             text not null check (source in ('API', 'IMPORT', 'MANUAL')),
    status             text not null check (status in ('RECEIVED', 'DISPATCHED', 'RETURN_REQUESTED', 'RETURNED',
                                                       'CONCLUDED', 'REHANDLING', 'CLOSED')),
    round              int not null default 1 check (round >= 1),
    -- where and what: resolved at intake, confirmed by the operator
    lon                double precision,
    lat                double precision,
    place_match        text,
    unit_code          text,
    suggestions        jsonb not null default '[]',
    category_code      text,
    case_id            bigint references case_file (id),
    case_number        text,
    department_code    text,
    -- deadlines and when they were met
    first_contact_due  timestamptz not null,
    first_contact_at   timestamptz,
    conclude_due       timestamptz not null,
    concluded_at       timestamptz,
    first_concluded_at timestamptz,
    concluded_on_time  boolean,
    reply              text,
    rehandle_due       timestamptz,
    complex            text check (complex in ('REQUESTED', 'APPROVED', 'DENIED')),
    return_reason      text,
    return_note        text,
    returned_at        timestamptz,
    alerts             text[] not null default '{}',
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    version            int not null default 0
);
create index hotline_order_open on hotline_order (status, conclude_due) where status not in ('RETURNED', 'CLOSED');
create index hotline_order_received on hotline_order (received_at);
create index hotline_order_case on hotline_order (case_id);

-- The conversation log: everything said and done on an order, append-only.
create table hotline_log (
    id        bigserial primary key,
    order_id  bigint not null references hotline_order (id),
    round     int not null,
    at        timestamptz not null,
    kind      text not null,
    by_name   text not null,
    method    text,
    text      text,
    case_id   bigint
);
create index hotline_log_order on hotline_log (order_id, id);

create function hotline_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'hotline_log is append-only';
end $$;
create trigger hotline_log_no_update before update or delete on hotline_log
    for each row execute function hotline_log_append_only();

-- Callbacks (回访): one per round.
create table hotline_callback (
    id          bigserial primary key,
    order_id    bigint not null references hotline_order (id),
    round       int not null,
    at          timestamptz not null,
    by_name     text not null,
    efficiency  text not null check (efficiency in ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED')),
    attitude    text not null check (attitude in ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED')),
    result      text not null check (result in ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED')),
    solved      boolean not null,
    note        text,
    unique (order_id, round)
);

-- Every time someone saw a caller's name and phone unmasked.
create table hotline_caller_view (
    id         bigserial primary key,
    order_id   bigint not null references hotline_order (id),
    viewed_by  text not null,
    role       text not null,
    at         timestamptz not null,
    via        text not null
);
create index hotline_caller_view_order on hotline_caller_view (order_id, at);

-- Spreadsheet imports, checked row by row and applied only when the operator says so.
create table hotline_import (
    id           bigserial primary key,
    filename     text not null,
    format       text not null,
    uploaded_by  text not null,
    uploaded_at  timestamptz not null,
    status       text not null check (status in ('PENDING', 'APPLIED', 'DISCARDED')),
    rows         jsonb not null,
    valid_rows   int not null,
    invalid_rows int not null,
    decided_by   text,
    decided_at   timestamptz
);
