-- Demo customers for dev mode (quarkus:dev only: db/demo is on the Flyway path only in the dev profile).
-- Written like the service writes: in-house customers (no partner, email scope ''), normalized contacts and search
-- text, and for every row its event (the payload the API shows) with the audit entry of that event, as written by
-- the dev-mode user dev-admin. Every demo id starts with 01900000-0000-7000-8000-; the statements are idempotent.

-- Timestamps as the API writes them (ISO-8601 in UTC, trailing zeros of the fraction dropped): a function of this
-- session only, so the schema stays exactly what the migrations make.
create function pg_temp.api_time(t timestamptz) returns text language sql as $$
    select rtrim(rtrim(to_char(t at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), '0'), '.') || 'Z'
$$;

-- The customer columns store consent times as epoch seconds; the API shows them as timestamps.
create function pg_temp.api_consents(consents jsonb) returns jsonb language sql as $$
    select coalesce(jsonb_object_agg(channel, consent || jsonb_build_object('recordedAt',
               pg_temp.api_time(to_timestamp(cast(consent ->> 'recordedAt' as double precision))))), '{}')
    from jsonb_each(consents) as c (channel, consent)
$$;

insert into customer (id, given_name, family_name, contacts, primary_email, primary_phone, birthday, locale,
                      time_zone, tags, owner_id, partner_id, consents, attributes, search_text, created_at,
                      updated_at)
values
 ('01900000-0000-7000-8000-000000000001', 'Ada', 'Lovelace',
  '{"emails":[{"address":"ada@example.com","primary":true,"label":"home"}],'
  '"phones":[{"number":"+442079460958","primary":true,"label":"mobile"}],'
  '"addresses":[{"label":"home","line1":"12 St James''s Square","city":"London","postalCode":"SW1Y 4JH",'
  '"country":"GB"}]}',
  'ada@example.com', '+442079460958', '1985-12-10', 'en-GB', 'Europe/London', '{vip,newsletter}', 'u-demo', null,
  '{"email":{"granted":true,"source":"signup-form","recordedAt":1767603600}}',
  '{"score":92,"plan":"pro"}', 'ada lovelace ada@example.com 442079460958',
  now() - interval '300 days', now() - interval '10 days'),
 ('01900000-0000-7000-8000-000000000002', 'Grace', 'Hopper',
  '{"emails":[{"address":"grace@example.com","primary":true}],"phones":[],"addresses":[]}',
  'grace@example.com', null, '1906-12-09', 'en-US', 'America/New_York', '{newsletter}', 'u-demo', null,
  '{}', '{"score":67,"plan":"free"}', 'grace hopper grace@example.com',
  now() - interval '120 days', now() - interval '3 days'),
 ('01900000-0000-7000-8000-000000000003', 'Zoë', 'Ørsted',
  '{"emails":[{"address":"zoe@example.dk","primary":true}],"phones":[{"number":"+4533123456","primary":true}],'
  '"addresses":[]}',
  'zoe@example.dk', '+4533123456', null, 'da-DK', 'Europe/Copenhagen', '{}', null, null,
  '{"sms":{"granted":false,"source":"preference-center","recordedAt":1769947200}}',
  '{"score":38}', 'zoe orsted zoe@example.dk 4533123456',
  now() - interval '30 days', now() - interval '30 days')
on conflict (id) do nothing;

-- In-house customers own their addresses in the partner scope ''.
insert into customer_email (partner_scope, email, customer_id) values
 ('', 'ada@example.com', '01900000-0000-7000-8000-000000000001'),
 ('', 'grace@example.com', '01900000-0000-7000-8000-000000000002'),
 ('', 'zoe@example.dk', '01900000-0000-7000-8000-000000000003')
on conflict (partner_scope, email) do nothing;

insert into purchase (id, customer_id, order_ref, amount, currency, items, channel, occurred_at, created_at) values
 ('01900000-0000-7000-8000-000000000101', '01900000-0000-7000-8000-000000000001', 'ORD-1001', 129.90, 'GBP',
  '{"lines":[{"sku":"SKU-KETTLE","name":"Kettle","quantity":1,"unitPrice":129.9}]}', 'web',
  now() - interval '200 days', now() - interval '200 days'),
 ('01900000-0000-7000-8000-000000000102', '01900000-0000-7000-8000-000000000001', 'ORD-1002', 45.00, 'GBP',
  '{"lines":[{"sku":"SKU-CUPS","name":"Espresso cups","quantity":2,"unitPrice":22.5}]}', 'store',
  now() - interval '20 days', now() - interval '20 days'),
 ('01900000-0000-7000-8000-000000000103', '01900000-0000-7000-8000-000000000002', 'ORD-2001', 310.00, 'USD',
  '{"lines":[]}', 'app', now() - interval '60 days', now() - interval '60 days')
on conflict (id) do nothing;

insert into interaction (id, customer_id, type, channel, touchpoint, summary, actor, occurred_at, created_at) values
 ('01900000-0000-7000-8000-000000000201', '01900000-0000-7000-8000-000000000001', 'call', 'phone', 'support',
  'Asked about delivery times for the kettle', 'dev-admin', now() - interval '199 days', now() - interval '199 days'),
 ('01900000-0000-7000-8000-000000000202', '01900000-0000-7000-8000-000000000002', 'email', 'email', 'onboarding',
  'Welcome email opened', 'dev-admin', now() - interval '119 days', now() - interval '119 days')
on conflict (id) do nothing;

-- The events, in the order of the writes; a payload is the record as the API shows it.
insert into event (id, type, subject_type, subject_id, payload, actor, partner_id)
select e.id, 'customer.created', 'customer', c.id, jsonb_strip_nulls(jsonb_build_object(
           'id', c.id, 'givenName', c.given_name, 'familyName', c.family_name,
           'emails', c.contacts -> 'emails', 'phones', c.contacts -> 'phones', 'addresses', c.contacts -> 'addresses',
           'birthday', c.birthday, 'locale', c.locale, 'timeZone', c.time_zone, 'tags', to_jsonb(c.tags),
           'ownerId', c.owner_id, 'consents', pg_temp.api_consents(c.consents), 'partnerId', c.partner_id,
           'attributes', c.attributes, 'createdAt', pg_temp.api_time(c.created_at),
           'updatedAt', pg_temp.api_time(c.updated_at), 'version', c.version)),
       'dev-admin', c.partner_id
from (values ('01900000-0000-7000-8000-000000000301'::uuid, '01900000-0000-7000-8000-000000000001'::uuid),
             ('01900000-0000-7000-8000-000000000302'::uuid, '01900000-0000-7000-8000-000000000002'::uuid),
             ('01900000-0000-7000-8000-000000000303'::uuid, '01900000-0000-7000-8000-000000000003'::uuid))
     as e (id, customer_id)
join customer c on c.id = e.customer_id
order by c.created_at
on conflict (id) do nothing;

insert into event (id, type, subject_type, subject_id, payload, actor, partner_id)
select e.id, 'purchase.recorded', 'customer', p.customer_id, jsonb_strip_nulls(jsonb_build_object(
           'id', p.id, 'customerId', p.customer_id, 'orderRef', p.order_ref,
           -- GBP and USD amounts have two decimals
           'amount', round(p.amount, 2), 'currency', p.currency, 'items', p.items -> 'lines',
           'channel', p.channel, 'occurredAt', pg_temp.api_time(p.occurred_at),
           'createdAt', pg_temp.api_time(p.created_at))),
       'dev-admin', c.partner_id
from (values ('01900000-0000-7000-8000-000000000401'::uuid, '01900000-0000-7000-8000-000000000101'::uuid),
             ('01900000-0000-7000-8000-000000000402'::uuid, '01900000-0000-7000-8000-000000000102'::uuid),
             ('01900000-0000-7000-8000-000000000403'::uuid, '01900000-0000-7000-8000-000000000103'::uuid))
     as e (id, purchase_id)
join purchase p on p.id = e.purchase_id
join customer c on c.id = p.customer_id
order by p.created_at
on conflict (id) do nothing;

insert into event (id, type, subject_type, subject_id, payload, actor, partner_id)
select e.id, 'interaction.logged', 'customer', i.customer_id, jsonb_strip_nulls(jsonb_build_object(
           'id', i.id, 'customerId', i.customer_id, 'type', i.type, 'channel', i.channel,
           'touchpoint', i.touchpoint, 'summary', i.summary, 'actor', i.actor,
           'occurredAt', pg_temp.api_time(i.occurred_at), 'createdAt', pg_temp.api_time(i.created_at))),
       'dev-admin', c.partner_id
from (values ('01900000-0000-7000-8000-000000000501'::uuid, '01900000-0000-7000-8000-000000000201'::uuid),
             ('01900000-0000-7000-8000-000000000502'::uuid, '01900000-0000-7000-8000-000000000202'::uuid))
     as e (id, interaction_id)
join interaction i on i.id = e.interaction_id
join customer c on c.id = i.customer_id
order by i.created_at
on conflict (id) do nothing;

-- Every event has its audit entry, with the event's id and time.
insert into audit_entry (id, occurred_at, actor, client_id, partner_id, request_id, action, resource_type,
                         resource_id, changed_fields)
select e.id, e.occurred_at, e.actor, null, null, null, e.type, e.subject_type, e.subject_id, '{}'
from event e
where cast(e.id as text) like '01900000-0000-7000-8000-%'
on conflict (id) do nothing;

drop function pg_temp.api_consents(jsonb);
drop function pg_temp.api_time(timestamptz);
