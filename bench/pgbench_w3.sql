-- The database's share of W3: the statements the service sends for POST /v1/customers with an Idempotency-Key,
-- in one transaction (key claim, customer row, email claim, event + audit entry, stored response).
\set r random(1, 1000000000)
begin;
insert into idempotency_key (principal, key, request_hash, expires_at)
values ('bench', :client_id || '-' || :r || '-' || txid_current(), 'hash', now() + interval '1 day')
on conflict (principal, key) do nothing returning key;
insert into customer (id, given_name, family_name, contacts, primary_email, tags, consents, attributes, search_text,
                      created_at, updated_at, version)
values (md5(:client_id || '-' || :r || '-' || txid_current())::uuid, 'Bench', 'Create',
        jsonb_build_object('emails', jsonb_build_array(jsonb_build_object('address', 'p' || :r || '-' || txid_current() || '@example.com'))),
        'p' || :r || '-' || txid_current() || '@example.com', '{w3}', '{}', '{}', 'bench create', now(), now(), 0)
returning id;
insert into customer_email (partner_scope, email, customer_id)
values ('', 'p' || :r || '-' || txid_current() || '@example.com', md5(:client_id || '-' || :r || '-' || txid_current())::uuid)
on conflict (partner_scope, email) do nothing returning email;
with appended as (
    insert into event (id, type, subject_type, subject_id, payload, actor, partner_id)
    values (gen_random_uuid(), 'customer.created', 'customer', md5(:client_id || '-' || :r || '-' || txid_current())::uuid, '{"givenName":"Bench","familyName":"Create"}', 'bench', null)
    returning id, occurred_at
)
insert into audit_entry (id, occurred_at, actor, action, resource_type, resource_id, changed_fields)
select id, occurred_at, 'bench', 'customer.created', 'customer', md5(:client_id || '-' || :r || '-' || txid_current())::uuid, '{}' from appended;
update idempotency_key set status = 201, response_body = '{}', etag = '"0"'
where principal = 'bench' and key = :client_id || '-' || :r || '-' || txid_current();
commit;
