\set n random(1, :count)
select c.* from customer c where c.id = (select id from bench_ids where n = :n);
select p.* from unnest(array[(select id from bench_ids where n = :n)]) as c(id)
  cross join lateral (select * from purchase where customer_id = c.id order by occurred_at desc, id desc limit 5) p;
select i.* from unnest(array[(select id from bench_ids where n = :n)]) as c(id)
  cross join lateral (select * from interaction where customer_id = c.id order by occurred_at desc, id desc limit 5) i;
select customer_id, currency, count(*), sum(amount), min(occurred_at), max(occurred_at)
  from purchase where customer_id = any(array[(select id from bench_ids where n = :n)])
  group by customer_id, currency order by customer_id, currency;
