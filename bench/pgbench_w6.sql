-- W6's event source: one customer.updated event per transaction, at the fixed rate pgbench is given (-R), carrying
-- its write time so that the receiver can measure commit-to-receipt. The dispatcher picks it up like any event.
\set n random(1, :count)
insert into event (id, type, subject_type, subject_id, payload, actor)
select gen_random_uuid(), 'customer.updated', 'customer', id,
       jsonb_build_object('id', id, 'writtenAt', round(extract(epoch from clock_timestamp()) * 1000, 3)), 'bench'
from bench_ids where n = :n;
