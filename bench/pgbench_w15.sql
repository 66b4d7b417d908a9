-- The database's share of W15: the statements the service sends for an earn posting (POST
-- /v1/loyalty/accounts/{id}/transactions with an Idempotency-Key) to one of :count accounts (-D count), in one
-- transaction: the account locked, the key looked up in its ledger, the program, its open lots, the entry (whose
-- trigger adds it to the balance), its lot, the account's figures, the event with its audit entry.
\set a random(1, :count)
\set r random(1, 1000000000)
begin;
select id, balance, pending, lifetime_earned, tier, version from loyalty_account
where id = md5('w15-' || :a)::uuid for no key update;
select id from loyalty_entry where account_id = md5('w15-' || :a)::uuid
  and idempotency_key = 'pg-' || :client_id || '-' || :r || '-' || txid_current() limit 1;
select id, tiers, qualification, expiry from loyalty_program where id = '00000000-0000-7000-8000-0000000b0015';
select id, remaining, earned_at, expires_at from loyalty_lot where account_id = md5('w15-' || :a)::uuid and remaining > 0;
insert into loyalty_entry (id, account_id, type, points, balance_after, reason_code, actor, idempotency_key,
                           request_hash, created_at)
select md5('e' || :client_id || '-' || :r || '-' || txid_current())::uuid, a.id, 'earn', 10, a.balance + 10,
       'bench', 'bench', 'pg-' || :client_id || '-' || :r || '-' || txid_current(), 'hash', now()
from loyalty_account a where a.id = md5('w15-' || :a)::uuid;
insert into loyalty_lot (id, account_id, entry_id, points, remaining, earned_at)
values (gen_random_uuid(), md5('w15-' || :a)::uuid, md5('e' || :client_id || '-' || :r || '-' || txid_current())::uuid,
        10, 10, now());
update loyalty_account set lifetime_earned = lifetime_earned + 10, updated_at = now(), version = version + 1
where id = md5('w15-' || :a)::uuid;
with appended as (
    insert into event (id, type, subject_type, subject_id, payload, actor, partner_id)
    values (gen_random_uuid(), 'loyalty.points_earned', 'loyalty_account', md5('w15-' || :a)::uuid,
            '{"type":"earn","points":10}', 'bench', null)
    returning id, occurred_at
)
insert into audit_entry (id, occurred_at, actor, action, resource_type, resource_id, changed_fields)
select id, occurred_at, 'bench', 'loyalty.points_earned', 'loyalty_account', md5('w15-' || :a)::uuid, '{}'
from appended;
commit;
