-- W15/W16/W17: a program whose points never expire, with an account for each of the first :n customers (psql -v
-- n=100000) and a spend rule of 1 point per euro; the accounts start at zero, as the ledger's triggers require.
\set ON_ERROR_STOP on
begin;
insert into loyalty_program (id, name, points_name, currency, time_zone, tiers, qualification, expiry, pending_days,
                             created_at, updated_at)
values ('00000000-0000-7000-8000-0000000b0015', 'W15', 'points', 'EUR', 'UTC', '{"items": []}',
        '{"basis": "points", "period": "P12M"}', '{"policy": "never", "period": null, "noticeDays": 30}', 0,
        now(), now())
on conflict (id) do nothing;
insert into loyalty_earning_rule (id, program_id, name, kind, points_per_unit, conditions, created_at, updated_at)
values ('00000000-0000-7000-8000-0000000b0016', '00000000-0000-7000-8000-0000000b0015', 'W17 base', 'spend', 1,
        '{}', now(), now())
on conflict (id) do nothing;
insert into loyalty_account (id, program_id, customer_id, card_number, enrolled_at, updated_at)
select md5('w15-' || b.n)::uuid, '00000000-0000-7000-8000-0000000b0015', b.id, 'w15-' || b.n,
       now() - interval '1 day', now() - interval '1 day'
from bench_ids b where b.n <= :n
on conflict do nothing;
commit;
analyze loyalty_account;
