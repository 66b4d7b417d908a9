-- Automations: triggers, their runs and the actions of each run.

-- Causation. A trigger's action runs in a transaction that sets rapport.caused_by to its run; every event appended
-- in that transaction carries the run, so the engine knows which firing a change came from (loop protection).
create function current_cause() returns uuid language sql stable
    as $$ select cast(nullif(current_setting('rapport.caused_by', true), '') as uuid) $$;
alter table event add column caused_by uuid;
alter table event alter column caused_by set default current_cause();

-- A trigger: WHEN an event of some types (kind event), a customer date comes round (kind date) or a cron schedule
-- in a time zone comes due for a segment's members (kind schedule), optionally AND a condition, THEN its actions in
-- order. fired_count numbers the firings (round-robin assignment reads it); swept_until is how far a date or
-- schedule trigger's occurrences have been looked for.
create table automation_trigger (
    id              uuid primary key,
    name            text        not null,
    description     text,
    enabled         boolean     not null,
    kind            text        not null,
    event_types     text[],
    date_field      text,
    offset_days     int,
    local_time      time,
    cron            text,
    time_zone       text,
    segment_id      uuid,
    condition       text,
    actions         jsonb       not null,
    cap_count       int,
    cap_period      text,
    partner_id      text,
    fired_count     bigint      not null default 0,
    swept_until     timestamptz,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    version         bigint      not null default 0
);
create index automation_trigger_kind_idx on automation_trigger (kind) where enabled;

-- A firing, or a firing that was skipped and why. occurrence is what it fired for, once: the causing event's id,
-- or a customer and the date that came round. There are no foreign keys: a run outlives neither its trigger
-- (deleting one deletes its runs) nor, kept as history, needs its customer or event to exist.
create table trigger_run (
    id            uuid primary key,
    trigger_id    uuid        not null,
    occurrence    text        not null,
    sequence      bigint,
    event_id      uuid,
    event_type    text,
    customer_id   uuid,
    partner_id    text,
    status        text        not null,
    skip_reason   text,
    depth         int         not null,
    chain         uuid[]      not null,
    conditions    jsonb       not null,
    fired_at      timestamptz not null,
    finished_at   timestamptz,
    constraint trigger_run_once unique (trigger_id, occurrence)
);
create index trigger_run_list_idx on trigger_run (trigger_id, fired_at desc, id);
create index trigger_run_cap_idx on trigger_run (trigger_id, customer_id, fired_at) where status <> 'skipped';
create index trigger_run_fired_idx on trigger_run (fired_at);

-- The actions of a run, in order: the first is pending when the run commits, each next one once the one before
-- succeeded (waiting until then); a failure is retried at next_attempt_at until it fails for good.
create table trigger_action_run (
    run_id          uuid        not null,
    position        int         not null,
    type            text        not null,
    settings        jsonb       not null,
    status          text        not null,
    attempts        int         not null default 0,
    next_attempt_at timestamptz,
    outcome         text,
    error           text,
    finished_at     timestamptz,
    primary key (run_id, position)
);
create index trigger_action_due_idx on trigger_action_run (next_attempt_at) where status = 'pending';
