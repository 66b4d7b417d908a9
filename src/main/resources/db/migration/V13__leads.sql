-- The lead domain: pipelines with ordered stages, leads, their notes and stage history, scoring and assignment
-- rules.

-- A sales pipeline: ordered stages, each with a win probability (percent) and a category (open, won, lost).
create table pipeline (
    id         uuid        primary key,
    name       text        not null,
    -- {"items": [{"key": "new", "name": "New", "probability": 10, "category": "open"}]}, in pipeline order
    stages     jsonb       not null,
    is_default boolean     not null default false,
    partner_id text,
    -- a deleted pipeline stays for the leads that may still name it; none is in it when it is deleted
    deleted_at timestamptz,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    version    bigint      not null default 0
);
create unique index pipeline_one_default_idx on pipeline (is_default) where is_default;

insert into pipeline (id, name, stages, is_default, created_at, updated_at) values (
    '00000000-0000-7000-8000-00000000a001', 'Sales',
    '{"items": [
        {"key": "new", "name": "New", "probability": 10, "category": "open"},
        {"key": "contacted", "name": "Contacted", "probability": 20, "category": "open"},
        {"key": "qualified", "name": "Qualified", "probability": 50, "category": "open"},
        {"key": "converted", "name": "Converted", "probability": 100, "category": "won"},
        {"key": "disqualified", "name": "Disqualified", "probability": 0, "category": "lost"}]}',
    true, now(), now());

-- Scoring rules (kind 'scoring': points when the condition holds) and assignment rules (kind 'assignment': the
-- first enabled one by position whose condition holds gives a new lead without an owner its owner, fixed or the next
-- of a round-robin pool, counted by turns).
create table lead_rule (
    id         uuid        primary key,
    kind       text        not null check (kind in ('scoring', 'assignment')),
    name       text        not null,
    -- RSQL over lead fields; null holds for every lead
    condition  text,
    points     int,
    owner_id   text,
    pool       text[],
    turns      bigint      not null default 0,
    position   int         not null default 0,
    enabled    boolean     not null default true,
    partner_id text,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    version    bigint      not null default 0
);
create index lead_rule_order_idx on lead_rule (kind, position, id);

create table lead (
    id                  uuid          primary key,
    partner_id          text,
    given_name          text,
    family_name         text,
    email               text,
    phone               text,
    company_name        text,
    company_size        text,
    industry            text,
    website             text,
    source              text          not null,
    campaign            text,
    -- {"source": "google", "medium": "cpc", "campaign": "spring", "term": null, "content": null}
    utm                 jsonb,
    -- no foreign key: each lead would take a key-share lock on its pipeline's row, most leads the same row, and the
    -- multixacts of that many lockers serialize concurrent captures; the service reads the pipeline in the lead's
    -- transaction, and a pipeline is deleted (softly) only when no lead is in it
    pipeline_id         uuid          not null,
    stage               text          not null,
    -- the stage's category (open, won, lost), kept with the stage
    stage_category      text          not null,
    stage_entered_at    timestamptz   not null,
    owner_id            text,
    score               int           not null default 0,
    value_amount        numeric(19, 4),
    value_currency      text,
    expected_close_date date,
    tags                text[]        not null default '{}',
    attributes          jsonb         not null default '{}',
    lost_reason         text,
    customer_id         uuid          references customer (id),
    converted_at        timestamptz,
    note_count          int           not null default 0,
    last_note_at        timestamptz,
    -- lower-cased, accent-free names, email, phone digits and company, written by the service for ?q= search
    search_text         text          not null default '',
    created_at          timestamptz   not null,
    updated_at          timestamptz   not null,
    version             bigint        not null default 0
);
create index lead_created_idx on lead (created_at desc, id desc);
create index lead_pipeline_created_idx on lead (pipeline_id, created_at);
create index lead_search_idx on lead using gin (search_text gin_trgm_ops);
create index lead_customer_idx on lead (customer_id) where customer_id is not null;
create index lead_owner_idx on lead (owner_id);

-- The lead's timeline: notes and logged activities.
create table lead_note (
    id          uuid        primary key,
    lead_id     uuid        not null references lead (id),
    type        text        not null,
    body        text        not null,
    author      text,
    occurred_at timestamptz not null,
    created_at  timestamptz not null
);
create index lead_note_timeline_idx on lead_note (lead_id, occurred_at desc, id desc);

-- Each stay of a lead in a stage: entered, and left (for which stage) unless it is the current one.
create table lead_stage_stay (
    id          bigserial   primary key,
    lead_id     uuid        not null references lead (id),
    pipeline_id uuid        not null,
    stage       text        not null,
    entered_at  timestamptz not null,
    left_at     timestamptz,
    next_stage  text,
    actor       text
);
create index lead_stage_stay_lead_idx on lead_stage_stay (lead_id, entered_at, id);
create index lead_stage_stay_pipeline_idx on lead_stage_stay (pipeline_id, entered_at);

-- A lead converts to a customer found by any of its phone numbers.
create index customer_phones_idx on customer using gin ((contacts -> 'phones') jsonb_path_ops);
