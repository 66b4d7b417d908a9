-- Every change of a customer's channel consent, kept beyond the event log's retention: when, where, by whom, and
-- which text or version was accepted or refused.
create table consent_change (
    id          uuid        primary key,
    customer_id uuid        not null references customer (id),
    channel     text        not null check (channel in ('email', 'sms', 'push')),
    granted     boolean     not null,
    source      text,
    version     text,
    actor       text,
    recorded_at timestamptz not null,
    created_at  timestamptz not null
);
create index consent_change_customer_idx on consent_change (customer_id, recorded_at desc, id desc);

-- The consents customers have now are the first entries of their history.
insert into consent_change (id, customer_id, channel, granted, source, version, actor, recorded_at, created_at)
select gen_random_uuid(), c.id, ch.key, cast(ch.value ->> 'granted' as boolean), ch.value ->> 'source', null, null,
       coalesce(cast(ch.value ->> 'recordedAt' as timestamptz), c.updated_at), now()
from customer c
cross join lateral jsonb_each(c.consents) ch
where jsonb_typeof(ch.value) = 'object' and ch.value ->> 'granted' is not null
    and ch.key in ('email', 'sms', 'push');
