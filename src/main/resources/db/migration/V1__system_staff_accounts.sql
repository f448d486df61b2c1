-- Staff who sign in. One role each; passwords as BCrypt hashes.
create table staff_account (
    username      text primary key check (username ~ '^[a-z0-9._-]{2,40}$'),
    display_name  text not null,
    password_hash text not null,
    role          text not null check (role in ('ADMIN', 'OPERATOR', 'INSPECTOR', 'HANDLER', 'COMMITTEE', 'LEADER')),
    enabled       boolean not null default true,
    demo          boolean not null default false,
    created_at    timestamptz not null default now()
);
