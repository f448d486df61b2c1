-- An Idempotency-Key belongs to the account that sent it, and remembers what it was sent with:
-- the same key from another account is another key; the same key with another body is refused.
alter table case_file add column idempotency_owner text, add column idempotency_hash text;
update case_file set idempotency_owner = reporter where idempotency_key is not null;
alter table case_file drop constraint case_file_idempotency_key_key;
create unique index case_file_idempotency on case_file (idempotency_owner, idempotency_key)
    where idempotency_key is not null;
