-- W21: the plan of the statement GET /v1/customers/duplicates?limit=100 runs for a caller of every partner (no
-- partner scope condition): the first page, in the text CustomerDuplicateQueries.report writes (101 rows: one more
-- than the page), prepared as the service's pool sends it. Then the next page, after the first page's last pair, as
-- the service writes it for a cursor (k.customer_id >= $1 and (k.customer_id, o.customer_id) > ($1, $2)).
\set ON_ERROR_STOP on
\timing on
prepare w21_first as
select k.customer_id, o.customer_id, string_agg(distinct k.kind, ','),
    cast(similarity(c.name_key, d.name_key) as float8)
from customer_match_key k
join customer_match_key o
    on o.partner_scope = k.partner_scope and o.kind = k.kind and o.key = k.key
        and o.customer_id > k.customer_id
join customer c on c.id = k.customer_id
join customer d on d.id = o.customer_id
where true
group by k.customer_id, o.customer_id, c.name_key, d.name_key
having bool_or(k.kind in ('email', 'phone')) or similarity(c.name_key, d.name_key) >=0.6 order by k.customer_id, o.customer_id limit 101;
explain (analyze, buffers) execute w21_first;
prepare w21_next (uuid, uuid) as
select k.customer_id, o.customer_id, string_agg(distinct k.kind, ','),
    cast(similarity(c.name_key, d.name_key) as float8)
from customer_match_key k
join customer_match_key o
    on o.partner_scope = k.partner_scope and o.kind = k.kind and o.key = k.key
        and o.customer_id > k.customer_id
join customer c on c.id = k.customer_id
join customer d on d.id = o.customer_id
where true and k.customer_id >= $1 and (k.customer_id, o.customer_id) > ($1, $2)
group by k.customer_id, o.customer_id, c.name_key, d.name_key
having bool_or(k.kind in ('email', 'phone')) or similarity(c.name_key, d.name_key) >=0.6 order by k.customer_id, o.customer_id limit 101;
-- the 100th pair: the last of the first page, which its nextCursor names
\timing off
select customer_id as w21_first_id, duplicate_id as w21_duplicate_id
from (select k.customer_id, o.customer_id as duplicate_id
      from customer_match_key k
      join customer_match_key o
          on o.partner_scope = k.partner_scope and o.kind = k.kind and o.key = k.key
              and o.customer_id > k.customer_id
      join customer c on c.id = k.customer_id
      join customer d on d.id = o.customer_id
      group by k.customer_id, o.customer_id, c.name_key, d.name_key
      having bool_or(k.kind in ('email', 'phone')) or similarity(c.name_key, d.name_key) >= 0.6
      order by k.customer_id, o.customer_id limit 100) p
order by customer_id desc, duplicate_id desc limit 1 \gset
\timing on
explain (analyze, buffers) execute w21_next(:'w21_first_id', :'w21_duplicate_id');
