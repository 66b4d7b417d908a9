-- W12: :n tickets (psql -v n=1000000) created over the year before now, with their status history and SLA clocks:
-- 3 in 4 solved (a tenth of those reopened and solved again), a fifth of the solved ones closed, the rest open or
-- pending; first responses after 0-4 h, resolutions after 1-72 h; first-response and resolution clocks, 1 in 6
-- breached. Priorities, channels and teams vary with the ticket's number.
\set ON_ERROR_STOP on
begin;
insert into sla_policy (id, name, position, condition, targets, created_at, updated_at)
values (gen_random_uuid(), 'W12', 1000001, 'tags==w12-none',
        '{"items": [{"priority": "normal", "firstResponse": "PT4H", "resolution": "P2D"}]}', now(), now());
create temporary table w12 as
select g as n, gen_random_uuid() as id,
       now() - make_interval(secs => 365 * 86400.0 * g / :n) as created,
       (g % 4 <> 0) as solved, (g % 40 = 1) as reopened, (g % 20 = 3) as closed,
       make_interval(secs => 60 + (g::bigint * 7919) % 14400) as first_response,
       make_interval(secs => 3600 + (g::bigint * 104729) % 255600) as resolution
from generate_series(1, :n) g;
insert into ticket (id, number, partner_scope, customer_id, subject, status, priority, channel, team, assignee_id,
                    sla_policy_id, first_response_at, solved_at, closed_at, reopen_count, resolution_seconds,
                    resolution_business_seconds, first_response_seconds, first_response_business_seconds,
                    search_text, created_at, updated_at)
select w.id, 2000000000 + w.n, 'w12', (select id from bench_ids where n = 1 + w.n % 100000),
       'W12 ' || w.n,
       case when w.solved and w.closed then 'closed' when w.solved then 'solved' when w.n % 3 = 0 then 'pending'
            else 'open' end,
       (array['low', 'normal', 'high', 'urgent'])[1 + w.n % 4], (array['email', 'chat', 'phone', 'web'])[1 + w.n % 4],
       'team' || w.n % 8, 'agent' || w.n % 50, (select id from sla_policy where name = 'W12'),
       w.created + w.first_response,
       case when w.solved then w.created + w.resolution end,
       case when w.solved and w.closed then w.created + w.resolution + interval '4 days' end,
       case when w.reopened then 1 else 0 end,
       case when w.solved then extract(epoch from w.resolution)::bigint end,
       case when w.solved then (extract(epoch from w.resolution) / 3)::bigint end,
       extract(epoch from w.first_response)::bigint, (extract(epoch from w.first_response) / 2)::bigint,
       'w12 ' || w.n, w.created, w.created
from w12 w;
insert into ticket_status_change (ticket_id, from_status, to_status, changed_at, actor)
select id, null, 'new', created, 'bench' from w12
union all select id, 'new', 'open', created + first_response, 'bench' from w12
union all select id, 'open', 'solved', created + resolution, 'bench' from w12 where solved and not reopened
union all select id, 'open', 'solved', created + resolution / 2, 'bench' from w12 where solved and reopened
union all select id, 'solved', 'open', created + resolution * 0.75, 'bench' from w12 where solved and reopened
union all select id, 'open', 'solved', created + resolution, 'bench' from w12 where solved and reopened
union all select id, 'solved', 'closed', created + resolution + interval '4 days', 'bench' from w12 where solved and closed
union all select id, 'open', 'pending', created + first_response + interval '1 minute', 'bench' from w12
  where not solved and n % 3 = 0;
insert into ticket_sla_clock (ticket_id, metric, policy_id, target_seconds, business_hours, state, elapsed_seconds,
                              started_at, due_at, breached_at, stopped_at, decided_at, warn_announced,
                              breach_announced, computed_at)
select w.id, 'first_response', (select id from sla_policy where name = 'W12'), 14400, false,
       case when w.n % 6 = 0 then 'breached' else 'achieved' end, extract(epoch from w.first_response)::bigint,
       w.created, w.created + interval '4 hours', case when w.n % 6 = 0 then w.created + interval '4 hours' end,
       w.created + w.first_response,
       case when w.n % 6 = 0 then w.created + interval '4 hours' else w.created + w.first_response end,
       true, true, now()
from w12 w
union all
select w.id, 'resolution', (select id from sla_policy where name = 'W12'), 172800, false,
       case when w.n % 6 = 1 then 'breached' when w.solved then 'achieved' else 'paused' end,
       extract(epoch from w.resolution)::bigint, w.created, null,
       case when w.n % 6 = 1 then w.created + interval '2 days' end,
       case when w.solved then w.created + w.resolution end,
       case when w.n % 6 = 1 then w.created + interval '2 days' when w.solved then w.created + w.resolution end,
       true, true, now()
from w12 w;
commit;
vacuum analyze ticket;
vacuum analyze ticket_status_change;
vacuum analyze ticket_sla_clock;
