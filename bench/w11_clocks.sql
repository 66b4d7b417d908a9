-- W11: :n tickets (psql -v n=10000), each with one running first-response clock whose breach falls due within the
-- minute after :start seconds from now, spread evenly; their warnings are marked announced, so that the run times
-- breaches alone. The tickets belong to the first :n bench customers and to the SLA policy named W11.
\set ON_ERROR_STOP on
begin;
insert into sla_policy (id, name, position, condition, targets, created_at, updated_at)
values (gen_random_uuid(), 'W11', 1000000, 'tags==w11-none',
        '{"items": [{"priority": "normal", "firstResponse": "PT1H"}]}', now(), now());
create temporary table w11 as
select b.n, b.id as customer_id, gen_random_uuid() as ticket_id,
       now() + make_interval(secs => :start + 60.0 * (b.n - 1) / :n) as due
from bench_ids b where b.n <= :n;
insert into ticket (id, number, partner_scope, customer_id, subject, status, priority, sla_policy_id, sla_due_at,
                    search_text, created_at, updated_at)
select ticket_id, 1000000000 + n, 'w11', customer_id, 'W11 ' || n, 'new', 'normal',
       (select id from sla_policy where name = 'W11'), due, 'w11', due - interval '1 hour', now()
from w11;
insert into ticket_sla_clock (ticket_id, metric, policy_id, target_seconds, business_hours, state, elapsed_seconds,
                              started_at, due_at, warn_at, breach_at, warn_announced, breach_announced, computed_at)
select ticket_id, 'first_response', (select id from sla_policy where name = 'W11'), 3600, false, 'running', 0,
       due - interval '1 hour', due, due - interval '15 minutes', due, true, false, now()
from w11;
commit;
