-- Customer facts that segment rules and trigger conditions test, kept current by the writes that change them
-- (in their own transaction), so that both the SQL and the in-memory compiler read them without aggregating.
create table customer_activity (
    customer_id         uuid        primary key references customer (id),
    purchase_count      int         not null default 0,
    -- {"EUR": 129.90, "USD": 20}: lifetime value per currency
    lifetime_values     jsonb       not null default '{}',
    first_purchase_at   timestamptz,
    last_purchase_at    timestamptz,
    interaction_count   int         not null default 0,
    -- {"call": 2, "email": 5}: interactions per type
    interaction_counts  jsonb       not null default '{}',
    last_interaction_at timestamptz,
    -- RFM quintiles (1-5) over the partner's customers with purchases, refreshed on a schedule
    rfm_recency         smallint,
    rfm_frequency       smallint,
    rfm_monetary        smallint,
    rfm_group           text
);

insert into customer_activity (customer_id, purchase_count, lifetime_values, first_purchase_at, last_purchase_at)
select customer_id, sum(n), jsonb_object_agg(currency, total), min(first_at), max(last_at)
from (select customer_id, trim(currency) as currency, count(*) as n, sum(amount) as total,
             min(occurred_at) as first_at, max(occurred_at) as last_at
      from purchase group by customer_id, trim(currency)) p
group by customer_id;

insert into customer_activity as a (customer_id, interaction_count, interaction_counts, last_interaction_at)
select customer_id, sum(n), jsonb_object_agg(type, n), max(last_at)
from (select customer_id, type, count(*) as n, max(occurred_at) as last_at
      from interaction group by customer_id, type) i
group by customer_id
on conflict (customer_id) do update
set interaction_count = excluded.interaction_count,
    interaction_counts = excluded.interaction_counts,
    last_interaction_at = excluded.last_interaction_at;

-- Segments: dynamic ones hold a rule (RSQL over the facts), static ones a list managed through the API.
create table segment (
    id                uuid        primary key,
    name              text        not null,
    description       text,
    kind              text        not null,
    rule              text,
    rule_version      int         not null default 1,
    -- 'computing' from a create or rule change until the background recompute has run, then 'ready'
    status            text        not null,
    member_count      bigint      not null default 0,
    -- whether the first members of a new rule version emit segment.entered
    announce_initial  boolean     not null default false,
    -- the rule's truth can change with time alone (relative times, date facts, RFM): the sweep re-evaluates it
    changes_with_time boolean     not null default false,
    partner_id        text,
    -- the rule version the members were last computed for in full (null before the first computation)
    computed_version  int,
    computed_at       timestamptz,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    version           bigint      not null default 0,
    constraint segment_kind check (kind in ('dynamic', 'static')),
    constraint segment_status check (status in ('computing', 'ready'))
);
create index segment_partner_idx on segment (partner_id, created_at desc, id desc);
create index segment_computing_idx on segment (status) where status = 'computing';

-- No foreign keys: checking two for each of a million members doubled the time of computing a segment (bench/
-- FINDINGS.md, 2026-12-01 0f5b90f). Writers lock the segment row instead (key share, or for update), and deleting a
-- segment deletes its members and history first; customers are never deleted but soft-deleted, and leave every
-- segment when they are.
create table segment_member (
    segment_id  uuid        not null,
    customer_id uuid        not null,
    since       timestamptz not null,
    primary key (segment_id, customer_id)
);
create index segment_member_customer_idx on segment_member (customer_id);
create index segment_member_since_idx on segment_member (segment_id, since desc, customer_id desc);

-- Who entered or left a segment, when and why; kept beyond the event log's retention.
create table segment_change (
    id           uuid        primary key,
    segment_id   uuid        not null,
    customer_id  uuid        not null,
    change       text        not null,
    rule_version int         not null,
    reason       jsonb       not null,
    occurred_at  timestamptz not null,
    constraint segment_change_kind check (change in ('entered', 'exited'))
);
create index segment_change_segment_idx on segment_change (segment_id, occurred_at desc, id desc);
