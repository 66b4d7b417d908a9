-- Demo customers for dev mode (quarkus:dev only: db/demo is on the Flyway path only in the dev profile).
-- Written like the service writes: each row with its customer.created / purchase.recorded event.

insert into customer (id, given_name, family_name, contacts, primary_email, primary_phone, birthday, locale,
                      time_zone, tags, owner_id, consents, attributes, search_text, created_at, updated_at)
values
 ('01900000-0000-7000-8000-000000000001', 'Ada', 'Lovelace',
  '{"emails":[{"address":"ada@example.com","primary":true,"label":"home"}],"phones":[{"number":"+442079460958","primary":true,"label":"mobile"}],"addresses":[{"label":"home","line1":"12 St James''s Square","city":"London","postalCode":"SW1Y 4JH","country":"GB"}]}',
  'ada@example.com', '+442079460958', '1815-12-10', 'en-GB', 'Europe/London', '{vip,newsletter}', 'u-demo',
  '{"email":{"granted":true,"source":"signup-form","recordedAt":"2026-01-05T09:00:00Z"}}',
  '{"score":92,"plan":"pro"}', 'ada lovelace ada@example.com 442079460958', now() - interval '300 days', now() - interval '10 days'),
 ('01900000-0000-7000-8000-000000000002', 'Grace', 'Hopper',
  '{"emails":[{"address":"grace@example.com","primary":true}],"phones":[],"addresses":[]}',
  'grace@example.com', null, '1906-12-09', 'en-US', 'America/New_York', '{newsletter}', 'u-demo',
  '{}', '{"score":67,"plan":"free"}', 'grace hopper grace@example.com', now() - interval '120 days', now() - interval '3 days'),
 ('01900000-0000-7000-8000-000000000003', 'Zoë', 'Ørsted',
  '{"emails":[{"address":"zoe@example.dk","primary":true}],"phones":[{"number":"+4533123456","primary":true}],"addresses":[]}',
  'zoe@example.dk', '+4533123456', null, 'da-DK', 'Europe/Copenhagen', '{}', null,
  '{"sms":{"granted":false,"source":"preference-center","recordedAt":"2026-02-01T12:00:00Z"}}',
  '{"score":38}', 'zoe orsted zoe@example.dk 4533123456', now() - interval '30 days', now() - interval '30 days')
on conflict (id) do nothing;

insert into customer_email (email, customer_id) values
 ('ada@example.com', '01900000-0000-7000-8000-000000000001'),
 ('grace@example.com', '01900000-0000-7000-8000-000000000002'),
 ('zoe@example.dk', '01900000-0000-7000-8000-000000000003')
on conflict (email) do nothing;

insert into purchase (id, customer_id, order_ref, amount, currency, items, channel, occurred_at, created_at) values
 ('01900000-0000-7000-8000-000000000101', '01900000-0000-7000-8000-000000000001', 'ORD-1001', 129.90, 'GBP',
  '{"lines":[{"sku":"SKU-KETTLE","name":"Kettle","quantity":1,"unitPrice":129.90}]}', 'web', now() - interval '200 days', now() - interval '200 days'),
 ('01900000-0000-7000-8000-000000000102', '01900000-0000-7000-8000-000000000001', 'ORD-1002', 45.00, 'GBP',
  '{"lines":[{"sku":"SKU-CUPS","name":"Espresso cups","quantity":2,"unitPrice":22.50}]}', 'store', now() - interval '20 days', now() - interval '20 days'),
 ('01900000-0000-7000-8000-000000000103', '01900000-0000-7000-8000-000000000002', 'ORD-2001', 310.00, 'USD',
  '{"lines":[]}', 'app', now() - interval '60 days', now() - interval '60 days')
on conflict (id) do nothing;

insert into interaction (id, customer_id, type, channel, touchpoint, summary, actor, occurred_at, created_at) values
 ('01900000-0000-7000-8000-000000000201', '01900000-0000-7000-8000-000000000001', 'call', 'phone', 'support',
  'Asked about delivery times for the kettle', 'dev-admin', now() - interval '199 days', now() - interval '199 days'),
 ('01900000-0000-7000-8000-000000000202', '01900000-0000-7000-8000-000000000002', 'email', 'email', 'onboarding',
  'Welcome email opened', 'dev-admin', now() - interval '119 days', now() - interval '119 days')
on conflict (id) do nothing;

insert into event (id, type, subject_type, subject_id, payload, actor)
select gen_random_uuid(), 'customer.created', 'customer', c.id, jsonb_build_object('id', c.id), 'demo-data'
from customer c
where c.id::text like '01900000-0000-7000-8000-00000000000%'
  and not exists (select 1 from event e where e.subject_id = c.id and e.type = 'customer.created');
