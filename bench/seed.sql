-- Loads :n customers (psql -v n=100000), each with two purchases and two interactions (and the facts they make), in
-- set-based inserts.
-- Tagged: every 10th customer is "vip"; attributes.score is 0..99. bench_ids maps 1..n to customer ids for pgbench.
\set ON_ERROR_STOP on
begin;
create temporary table seed as
select g as n, gen_random_uuid() as id from generate_series(1, :n) g;

insert into customer (id, given_name, family_name, contacts, primary_email, tags, attributes, search_text,
                      created_at, updated_at, locale)
select id, 'Given' || n, 'Family' || n,
       jsonb_build_object('emails', jsonb_build_array(jsonb_build_object('address', 'bench' || n || '@example.com',
                          'primary', true)), 'phones', '[]'::jsonb, 'addresses', '[]'::jsonb),
       'bench' || n || '@example.com',
       case when n % 10 = 0 then array['vip', 'bench'] else array['bench'] end,
       jsonb_build_object('score', n % 100),
       'given' || n || ' family' || n || ' bench' || n || '@example.com',
       now() - (n || ' seconds')::interval, now() - (n || ' seconds')::interval, 'en-GB'
from seed;

insert into customer_email (partner_scope, email, customer_id)
select '', 'bench' || n || '@example.com', id from seed;

insert into purchase (id, customer_id, order_ref, amount, currency, items, channel, occurred_at, created_at)
select gen_random_uuid(), s.id, 'ORD-' || s.n || '-' || k, (s.n % 500) + k * 10.5, 'EUR', '{"lines": []}', 'web',
       now() - ((s.n + k * 1000) || ' seconds')::interval, now()
from seed s cross join generate_series(1, 2) k;

insert into interaction (id, customer_id, type, channel, touchpoint, summary, actor, occurred_at, created_at)
select gen_random_uuid(), s.id, 'note', 'phone', 'support', 'Bench note ' || k, 'bench',
       now() - ((s.n + k * 700) || ' seconds')::interval, now()
from seed s cross join generate_series(1, 2) k;

-- The facts the writes would have kept (customer_activity), as the V10 migration computes them for existing data.
insert into customer_activity (customer_id, purchase_count, lifetime_values, first_purchase_at, last_purchase_at,
                               interaction_count, interaction_counts, last_interaction_at)
select s.id, p.n, jsonb_build_object('EUR', p.total), p.first_at, p.last_at, i.n, jsonb_build_object('note', i.n),
       i.last_at
from seed s
join (select customer_id, count(*) as n, sum(amount) as total, min(occurred_at) as first_at,
             max(occurred_at) as last_at
      from purchase group by customer_id) p on p.customer_id = s.id
join (select customer_id, count(*) as n, max(occurred_at) as last_at
      from interaction group by customer_id) i on i.customer_id = s.id;

drop table if exists bench_ids;
create table bench_ids as select n, id from seed;
alter table bench_ids add primary key (n);
commit;
analyze;
