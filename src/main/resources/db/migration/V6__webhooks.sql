-- Webhook endpoints and their deliveries (Standard Webhooks).

create table webhook_endpoint (
    id                         uuid        primary key,
    url                        text        not null,
    description                text,
    event_types                text[]      not null,
    enabled                    boolean     not null default true,
    headers                    jsonb       not null default '{}',
    -- whsec_... signing secrets; during a rotation the previous one also signs until it expires
    secret                     text        not null,
    previous_secret            text,
    previous_secret_expires_at timestamptz,
    partner_id                 text,
    disabled_reason            text,
    failing_since              timestamptz,
    created_at                 timestamptz not null,
    updated_at                 timestamptz not null,
    version                    bigint      not null default 0
);
create index webhook_endpoint_enabled_idx on webhook_endpoint (enabled);

-- One row per (endpoint, event): its id is the webhook-id header, stable across retries. payload holds the
-- exact bytes that are sent and signed.
create table webhook_delivery (
    id               uuid        primary key,
    endpoint_id      uuid        not null references webhook_endpoint (id) on delete cascade,
    event_id         uuid        not null,
    event_type       text        not null,
    payload          text        not null,
    status           text        not null default 'pending',
    attempt_count    int         not null default 0,
    next_attempt_at  timestamptz not null,
    last_status_code int,
    last_error       text,
    created_at       timestamptz not null default now(),
    delivered_at     timestamptz,
    constraint webhook_delivery_once unique (endpoint_id, event_id),
    constraint webhook_delivery_status check (status in ('pending', 'succeeded', 'dead'))
);
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where status = 'pending';
create index webhook_delivery_endpoint_idx on webhook_delivery (endpoint_id, created_at desc);

create table webhook_attempt (
    id           uuid        primary key,
    delivery_id  uuid        not null references webhook_delivery (id) on delete cascade,
    attempted_at timestamptz not null,
    status_code  int,
    latency_ms   int         not null,
    error        text
);
create index webhook_attempt_delivery_idx on webhook_attempt (delivery_id, attempted_at);
