-- Machine clients (the 12345 hotline centre's system, sensor gateways) that call the API
-- with a key. Only a SHA-256 of the key is kept: keys are 32 random bytes, so a fast hash
-- is enough and a lookup is one index probe.
create table api_client (
    id          bigserial primary key,
    name        text not null unique check (name ~ '^[a-z0-9._-]{2,40}$'),
    key_prefix  text not null,
    key_hash    bytea not null unique,
    scopes      text[] not null check (cardinality(scopes) > 0),
    created_by  text not null,
    created_at  timestamptz not null default now(),
    revoked_at  timestamptz,
    demo        boolean not null default false
);
