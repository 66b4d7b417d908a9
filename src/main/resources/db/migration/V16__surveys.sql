-- The survey domain: definitions with their versions, distributions (who was asked, or why not), and responses.

create table survey (
    id                    uuid        primary key,
    partner_scope         text        not null default '',
    partner_id            text,
    name                  text        not null,
    -- draft, active or closed
    status                text        not null,
    -- the revision distributions are answered with now; earlier ones stay in survey_revision
    revision              int         not null,
    default_locale        text        not null,
    -- at most one distribution of this survey per customer within this many days (null: only the global rule)
    fatigue_days          int,
    skip_when_ticket_open boolean     not null default false,
    -- {"items": [{"when": "nps=le=6", "ticket": {"subject": "...", "priority": "high", "team": "care"}}]}
    follow_ups            jsonb       not null default '{"items": []}',
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    closed_at             timestamptz,
    version               bigint      not null default 0
);
create index survey_scope_idx on survey (partner_scope, created_at, id);

-- What respondents saw: the questions of each revision. A revision that has responses is never changed.
create table survey_revision (
    survey_id  uuid        not null references survey (id) on delete cascade,
    revision   int         not null,
    -- {"items": [{"id": "score", "type": "nps", "required": true, "text": {"en": "..."}, ...}]}
    questions  jsonb       not null,
    created_at timestamptz not null,
    primary key (survey_id, revision)
);

create table survey_distribution (
    id                uuid        primary key,
    survey_id         uuid        not null references survey (id),
    partner_scope     text        not null default '',
    partner_id        text,
    -- null for an anonymous link, which takes many answers
    customer_id       uuid        references customer (id),
    channel           text        not null,
    touchpoint        text        not null,
    locale            text        not null,
    -- SHA-256 of the token; the token itself is only handed out when the distribution is created
    token_hash        bytea       unique,
    -- sent, started (answers saved), answered, suppressed
    status            text        not null,
    suppressed_reason text,
    suppressed_detail text,
    expires_at        timestamptz,
    created_at        timestamptz not null,
    answered_at       timestamptz,
    constraint survey_distribution_token check ((status = 'suppressed') = (token_hash is null))
) with (fillfactor = 90);
create index survey_distribution_survey_idx on survey_distribution (survey_id, created_at, id);
-- the fatigue rules' question: when was this customer last asked (delivered links only: those with a token). No
-- index reads the status, so that answering a link (status and answered_at) is a heap-only update.
create index survey_distribution_customer_idx on survey_distribution (customer_id, created_at desc)
    where token_hash is not null;

create table survey_response (
    id                uuid        primary key,
    -- the survey exists: the revision's foreign key below says so
    survey_id         uuid        not null,
    revision          int         not null,
    distribution_id   uuid        not null references survey_distribution (id),
    partner_scope     text        not null default '',
    partner_id        text,
    customer_id       uuid        references customer (id),
    touchpoint        text        not null,
    channel           text        not null,
    locale            text        not null,
    -- partial (saved, may still change) or completed
    status            text        not null,
    -- {"score": 3, "reason": "slow delivery", "topics": ["delivery"]}
    answers           jsonb       not null,
    -- the first nps, csat and ces question's answer, for the figures
    nps               int,
    csat              int,
    ces               int,
    -- the text answers, for listing and search
    comment           text,
    -- the segments the customer was in when the answer was followed up (for figures by segment)
    segment_ids       uuid[]      not null default '{}',
    follow_up_tickets uuid[]      not null default '{}',
    followed_up_at    timestamptz,
    started_at        timestamptz not null,
    submitted_at      timestamptz,
    updated_at        timestamptz not null,
    constraint survey_response_revision foreign key (survey_id, revision) references survey_revision (survey_id, revision)
) with (fillfactor = 90);
-- one response per personal distribution; an anonymous link has many
create unique index survey_response_personal_idx on survey_response (distribution_id) where customer_id is not null;
-- figures by segment read completed responses by time (the others read survey_figure)
create index survey_response_submitted_idx on survey_response (submitted_at) where status = 'completed';
create index survey_response_survey_idx on survey_response (survey_id, submitted_at desc, id) where status = 'completed';
-- the customer's latest scores (facts, the 360 view)
create index survey_response_customer_idx on survey_response (customer_id, submitted_at desc)
    where status = 'completed';

-- The figures' counts per survey, UTC hour, touchpoint and channel: links delivered (added by the distribution's
-- transaction) and completed responses with their scores (added by the follow-up consumer, once per response, in the
-- transaction that marks it followed up), so that a year of figures reads some thousand rows, not every response.
create table survey_figure (
    survey_id      uuid        not null references survey (id),
    partner_scope  text        not null,
    hour           timestamptz not null,
    touchpoint     text        not null,
    channel        text        not null,
    delivered      bigint      not null default 0,
    responses      bigint      not null default 0,
    answered_links bigint      not null default 0,
    nps_responses  bigint      not null default 0,
    promoters      bigint      not null default 0,
    detractors     bigint      not null default 0,
    csat_responses bigint      not null default 0,
    satisfied      bigint      not null default 0,
    ces_responses  bigint      not null default 0,
    ces_sum        bigint      not null default 0,
    primary key (survey_id, hour, touchpoint, channel)
);
create index survey_figure_scope_idx on survey_figure (partner_scope, hour);
