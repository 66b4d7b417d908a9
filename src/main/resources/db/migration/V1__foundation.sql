-- Platform tables shared by every domain.

create extension if not exists pg_trgm;

-- The append-only change log. Every write appends here in the transaction that makes the change.
-- seq orders events; xact_id lets a consumer wait for transactions that took a lower seq but commit late.
create table event (
    seq          bigint generated always as identity primary key,
    id           uuid        not null unique,
    type         text        not null,
    subject_type text        not null,
    subject_id   uuid        not null,
    payload      jsonb       not null,
    actor        text,
    occurred_at  timestamptz not null default now(),
    xact_id      xid8        not null default pg_current_xact_id()
);
create index event_subject_idx on event (subject_type, subject_id, seq);
create index event_type_idx on event (type, seq);

-- Stored responses of POST requests carrying an Idempotency-Key, per caller.
create table idempotency_key (
    principal     text        not null,
    key           text        not null,
    request_hash  text        not null,
    status        int,
    response_body text,
    location      text,
    etag          text,
    created_at    timestamptz not null default now(),
    expires_at    timestamptz not null,
    primary key (principal, key)
);
create index idempotency_key_expiry_idx on idempotency_key (expires_at);
