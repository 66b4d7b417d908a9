-- The customer domain: profiles, purchases and interactions.

create table customer (
    id            uuid        primary key,
    given_name    text,
    family_name   text,
    -- {"emails": [...], "phones": [...], "addresses": [...]}
    contacts      jsonb       not null default '{}',
    primary_email text,
    primary_phone text,
    birthday      date,
    locale        text,
    time_zone     text,
    tags          text[]      not null default '{}',
    owner_id      text,
    consents      jsonb       not null default '{}',
    attributes    jsonb       not null default '{}',
    -- lower-cased, accent-free names, emails and phone digits, written by the service for ?q= search
    search_text   text        not null default '',
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    deleted_at    timestamptz,
    version       bigint      not null default 0
);
create index customer_created_idx on customer (created_at desc, id desc) where deleted_at is null;
create index customer_updated_idx on customer (updated_at desc, id desc) where deleted_at is null;
create index customer_search_idx on customer using gin (search_text gin_trgm_ops);
create index customer_tags_idx on customer using gin (tags);
create index customer_attributes_idx on customer using gin (attributes jsonb_path_ops);
create index customer_primary_email_idx on customer (primary_email);
create index customer_owner_idx on customer (owner_id);

-- One row per normalized email address of a live customer: enforces that two live customers never share
-- an address, while a deleted customer's address becomes free again (its rows are removed on delete).
create table customer_email (
    email       text primary key,
    customer_id uuid not null references customer (id)
);
create index customer_email_customer_idx on customer_email (customer_id);

create table purchase (
    id           uuid          primary key,
    customer_id  uuid          not null references customer (id),
    order_ref    text          not null,
    amount       numeric(19,4) not null,
    currency     char(3)       not null,
    -- {"lines": [...]}
    items        jsonb         not null default '{}',
    channel      text,
    occurred_at  timestamptz   not null,
    created_at   timestamptz   not null,
    constraint purchase_order_ref_unique unique (customer_id, order_ref)
);
create index purchase_customer_idx on purchase (customer_id, occurred_at desc, id desc);

create table interaction (
    id          uuid        primary key,
    customer_id uuid        not null references customer (id),
    type        text        not null,
    channel     text,
    touchpoint  text,
    summary     text,
    actor       text,
    occurred_at timestamptz not null,
    created_at  timestamptz not null
);
create index interaction_customer_idx on interaction (customer_id, occurred_at desc, id desc);
