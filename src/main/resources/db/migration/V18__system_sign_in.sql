-- Every failed sign-in, every refused (throttled) one and every form sign-in: the audit an administrator reads,
-- and what the throttle counts (shared by all instances).
create table system_sign_in (
    id       bigserial primary key,
    at       timestamptz not null,
    username text not null,
    address  text not null,
    via      text not null check (via in ('FORM', 'BASIC')),
    outcome  text not null check (outcome in ('OK', 'FAILED', 'THROTTLED'))
);
create index system_sign_in_user on system_sign_in (username, at);
create index system_sign_in_address on system_sign_in (address, at);
