-- The ticket domain: support cases, their messages and status history, and the SLA engine's calendars, policies
-- and clocks.

-- Business-hours calendars: weekly opening intervals in local wall-clock time of an IANA zone, and holidays.
create table business_calendar (
    id         uuid        primary key,
    name       text        not null,
    time_zone  text        not null,
    -- {"items": [{"day": "monday", "start": "09:00", "end": "17:00"}]}
    intervals  jsonb       not null,
    holidays   date[]      not null default '{}',
    partner_id text,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    version    bigint      not null default 0
);

-- SLA policies, tried in order (position, then creation): the first whose condition matches a ticket applies.
create table sla_policy (
    id          uuid        primary key,
    name        text        not null,
    position    int         not null,
    -- RSQL over ticket fields; null matches every ticket
    condition   text,
    -- business time by this calendar for the targets that ask for it; calendar time without one
    calendar_id uuid        references business_calendar (id),
    -- {"items": [{"priority": "urgent", "firstResponse": "PT1H", "nextReply": "PT4H", "resolution": "PT8H",
    --             "businessHours": true}]}
    targets     jsonb       not null,
    partner_id  text,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    version     bigint      not null default 0
);
create index sla_policy_order_idx on sla_policy (position, created_at, id);

-- The last ticket number given in each partner's scope ('' for in-house tickets).
create table ticket_number (
    partner_scope text   primary key,
    last_number   bigint not null
);

create table ticket (
    id                  uuid        primary key,
    number              bigint      not null,
    partner_scope       text        not null default '',
    partner_id          text,
    customer_id         uuid        not null references customer (id),
    subject             text        not null,
    status              text        not null,
    priority            text        not null,
    type                text,
    channel             text,
    assignee_id         text,
    team                text,
    tags                text[]      not null default '{}',
    attributes          jsonb       not null default '{}',
    -- the closed ticket this one follows up
    follow_up_of        uuid        references ticket (id),
    sla_policy_id       uuid        references sla_policy (id),
    first_response_at   timestamptz,
    -- the public requester message still waiting for an agent's reply (the next-reply clock's start), or null
    awaiting_reply_since timestamptz,
    -- the earliest due time of the ticket's running SLA clocks (the "due soonest" order), or null
    sla_due_at          timestamptz,
    solved_at           timestamptz,
    closed_at           timestamptz,
    reopen_count        int         not null default 0,
    -- resolution and first-response times, written when the ticket is solved or first answered: calendar
    -- seconds, and business seconds by the calendar of the ticket's policy (equal to calendar without one)
    resolution_seconds          bigint,
    resolution_business_seconds bigint,
    first_response_seconds          bigint,
    first_response_business_seconds bigint,
    -- lower-cased, accent-free subject for ?q= search
    search_text         text        not null default '',
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    version             bigint      not null default 0,
    constraint ticket_number_unique unique (partner_scope, number),
    constraint ticket_status check (status in ('new', 'open', 'pending', 'on_hold', 'solved', 'closed')),
    constraint ticket_priority check (priority in ('low', 'normal', 'high', 'urgent'))
);
create index ticket_created_idx on ticket (created_at desc, id desc);
create index ticket_updated_idx on ticket (updated_at desc, id desc);
create index ticket_customer_idx on ticket (customer_id, created_at desc, id desc);
create index ticket_solved_idx on ticket (solved_at) where solved_at is not null;
create index ticket_first_response_idx on ticket (first_response_at) where first_response_at is not null;
create index ticket_autoclose_idx on ticket (solved_at) where status = 'solved';
create index ticket_sla_due_idx on ticket (sla_due_at, id) where sla_due_at is not null;
create index ticket_assignee_idx on ticket (assignee_id);
create index ticket_search_idx on ticket using gin (search_text gin_trgm_ops);
create index ticket_tags_idx on ticket using gin (tags);

create table ticket_message (
    id          uuid        primary key,
    ticket_id   uuid        not null references ticket (id),
    -- 'public' replies, seen by the requester, and 'internal' notes
    visibility  text        not null,
    -- 'agent' or 'requester'
    author_type text        not null,
    author_id   text,
    body_text   text,
    body_html   text,
    -- {"items": [{"name": ..., "contentType": ..., "size": ..., "url": ...}]}
    attachments jsonb       not null default '{}',
    created_at  timestamptz not null,
    constraint ticket_message_visibility check (visibility in ('public', 'internal')),
    constraint ticket_message_author check (author_type in ('agent', 'requester'))
);
create index ticket_message_ticket_idx on ticket_message (ticket_id, created_at, id);

-- Every status a ticket took, starting with the one it was created in (from_status null).
create table ticket_status_change (
    id          bigint      generated always as identity primary key,
    ticket_id   uuid        not null references ticket (id),
    from_status text,
    to_status   text        not null,
    changed_at  timestamptz not null,
    actor       text
);
create index ticket_status_change_ticket_idx on ticket_status_change (ticket_id, changed_at, id);
create index ticket_status_change_at_idx on ticket_status_change (changed_at);

-- Each ticket's SLA clocks, one per metric, recomputed in the transaction of every change of the ticket. The
-- scheduler announces a warning when warn_at passes and a breach when due_at passes, each once per target.
create table ticket_sla_clock (
    ticket_id       uuid        not null references ticket (id),
    -- 'first_response', 'next_reply' or 'resolution'
    metric          text        not null,
    policy_id       uuid        not null references sla_policy (id),
    target_seconds  bigint      not null,
    business_hours  boolean     not null,
    -- 'running', 'paused', 'achieved' or 'breached'
    state           text        not null,
    elapsed_seconds bigint      not null,
    -- when the clock started counting this target (the ticket's creation, or the requester message awaiting a reply)
    started_at      timestamptz not null,
    due_at          timestamptz,
    warn_at         timestamptz,
    breached_at     timestamptz,
    stopped_at      timestamptz,
    -- when the target was decided: breached_at once breached, stopped_at once achieved (SLA attainment by period)
    decided_at      timestamptz,
    -- when a breach is to be announced: due_at while running, breached_at once breached, null otherwise
    breach_at       timestamptz,
    -- whether the warning and the breach of this target were announced (a new target is announced afresh)
    warn_announced   boolean    not null default false,
    breach_announced boolean    not null default false,
    computed_at     timestamptz not null,
    partner_id      text,
    primary key (ticket_id, metric)
);
create index ticket_sla_clock_breach_idx on ticket_sla_clock (breach_at) where not breach_announced;
create index ticket_sla_clock_decided_idx on ticket_sla_clock (decided_at) where decided_at is not null;
create index ticket_sla_clock_warn_idx on ticket_sla_clock (warn_at) where not warn_announced;

-- The ticket facts segment rules and trigger conditions test about a customer, kept current by ticket writes.
create table ticket_customer_facts (
    customer_id    uuid        primary key references customer (id),
    open_tickets   int         not null default 0,
    ticket_count   int         not null default 0,
    last_ticket_at timestamptz,
    breached_count int         not null default 0
);
