-- Privacy requests: a subject access export or an erasure of one customer, run in the background. An export's
-- document is kept until it expires; an erasure's cascade report is kept for good (it holds no personal data).
create table privacy_job (
    id            uuid primary key,
    kind          text not null check (kind in ('export', 'erasure')),
    customer_id   uuid not null references customer (id),
    partner_id    text,
    status        text not null check (status in ('queued', 'running', 'succeeded', 'failed', 'expired')),
    reason        text,
    reference     text,
    requested_by  text not null,
    requested_at  timestamptz not null,
    started_at    timestamptz,
    finished_at   timestamptz,
    expires_at    timestamptz,
    attempts      int not null default 0,
    steps_total   int not null,
    steps_done    int not null default 0,
    result        jsonb,
    error         text
);

create index privacy_job_due_idx on privacy_job (requested_at) where status in ('queued', 'running');
create index privacy_job_customer_idx on privacy_job (customer_id, requested_at desc);
create index privacy_job_partner_idx on privacy_job (partner_id, requested_at desc, id desc);
create index privacy_job_expiry_idx on privacy_job (expires_at) where expires_at is not null;
-- one erasure of a customer at a time: a second request answers the first
create unique index privacy_job_one_erasure on privacy_job (customer_id)
    where kind = 'erasure' and status in ('queued', 'running');

-- An erased customer keeps its row (purchases, ledgers and scores still point at it) without personal data.
alter table customer add column erased_at timestamptz;

-- A copy of a JSON value without personal data: every string becomes null except ids (UUIDs), timestamps and the
-- values of keys that name a kind or state (type, status, channel…); numbers and booleans stay (scores, points,
-- amounts); a birthday goes whatever its form. Used on stored event payloads and the other copies of them.
create function privacy_redact(value jsonb, key text default null) returns jsonb
language plpgsql immutable as $$
declare
    result jsonb;
begin
    if value is null then
        return null;
    end if;
    if key in ('birthday', 'birthDate', 'dateOfBirth') then
        return 'null'::jsonb;
    end if;
    case jsonb_typeof(value)
        when 'object' then
            select coalesce(jsonb_object_agg(e.key, privacy_redact(e.value, e.key)), '{}'::jsonb)
            into result from jsonb_each(value) e;
            return result;
        when 'array' then
            select coalesce(jsonb_agg(privacy_redact(a.value, key) order by a.n), '[]'::jsonb)
            into result from jsonb_array_elements(value) with ordinality a (value, n);
            return result;
        when 'string' then
            if key in ('type', 'subjectType', 'status', 'channel', 'priority', 'visibility', 'stage',
                       'stageCategory', 'tier', 'currency', 'kind', 'change', 'category', 'cause', 'metric',
                       'state', 'eventType', 'action')
               or value #>> '{}' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
               or value #>> '{}' ~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}' then
                return value;
            end if;
            return 'null'::jsonb;
        else
            return value;
    end case;
end
$$;
