\set n random(1, :count)
select c.* from customer c where c.id = (select id from bench_ids where n = :n);
