-- A customer's id in the partner's (or the business's) own systems: unique among the live customers of a partner
-- scope, the key imports upsert by.
alter table customer add column external_id text;
create unique index customer_external_id_idx on customer (coalesce(partner_id, ''), external_id)
    where external_id is not null and deleted_at is null;

-- Bulk imports of customers: a job receives its rows in numbered parts, then runs in the background in batches,
-- each batch one transaction (a row is applied whole or reported, never half).
create table customer_import (
    id            uuid primary key,
    partner_id    text,
    status        text not null check (status in ('receiving', 'queued', 'running', 'succeeded', 'failed',
                                                   'cancelled')),
    format        text not null check (format in ('ndjson', 'csv')),
    columns       jsonb,
    header        jsonb,
    match         text not null check (match in ('externalId', 'email', 'externalIdOrEmail')),
    requested_by  text not null,
    created_at    timestamptz not null,
    started_at    timestamptz,
    finished_at   timestamptz,
    heartbeat_at  timestamptz,
    rows_total    bigint not null default 0,
    rows_read     bigint not null default 0,
    created       bigint not null default 0,
    updated       bigint not null default 0,
    failed        bigint not null default 0,
    error         text,
    version       bigint not null default 0
);
create index customer_import_due_idx on customer_import (created_at) where status in ('queued', 'running');
create index customer_import_partner_idx on customer_import (partner_id, created_at desc, id desc);

-- The parts received, with how many rows each holds (for a row's number in the whole file).
create table customer_import_part (
    import_id  uuid not null references customer_import (id) on delete cascade,
    part       int  not null,
    rows       int  not null,
    bytes      int  not null,
    primary key (import_id, part)
);

-- The rows waiting to be applied: deleted as their batch commits.
create table customer_import_row (
    import_id  uuid not null references customer_import (id) on delete cascade,
    part       int  not null,
    line       int  not null,
    data       text not null,
    primary key (import_id, part, line)
);

-- The rows that were not applied, and why.
create table customer_import_error (
    id         bigint generated always as identity primary key,
    import_id  uuid   not null references customer_import (id) on delete cascade,
    row_number bigint not null,
    field      text,
    message    text   not null
);
create index customer_import_error_row_idx on customer_import_error (import_id, row_number, id);
