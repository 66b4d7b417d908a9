-- The database's share of W10: the statements the service sends for POST /v1/tickets with a first message and an
-- Idempotency-Key, in one transaction (key claim, requester, number, ticket, status history, message, the SLA
-- policy and the ticket's clocks, the requester's ticket facts, two events with their audit entries, stored
-- response). Tickets and clocks are keyed by md5 of the client and a random number, like pgbench_w3.sql.
\set r random(1, 1000000000)
\set c random(1, :count)
begin;
insert into idempotency_key (principal, key, request_hash, expires_at)
values ('bench', 'w10-' || :client_id || '-' || :r || '-' || txid_current(), 'hash', now() + interval '1 day')
on conflict (principal, key) do nothing returning key;
select id, partner_id, deleted_at, version from customer where id = (select id from bench_ids where n = :c);
insert into ticket_number (partner_scope, last_number) values ('', 1)
on conflict (partner_scope) do update set last_number = ticket_number.last_number + 1 returning last_number;
insert into ticket (id, number, partner_scope, customer_id, subject, status, priority, type, channel, tags, attributes,
                    search_text, created_at, updated_at, version)
values (md5('w10' || :client_id || '-' || :r || '-' || txid_current())::uuid, :r, 'pgbench-' || :client_id,
        (select id from bench_ids where n = :c), 'Card declined', 'new', 'normal', 'incident', 'email', '{}', '{}',
        'card declined', now(), now(), 0);
insert into ticket_status_change (ticket_id, from_status, to_status, changed_at, actor)
values (md5('w10' || :client_id || '-' || :r || '-' || txid_current())::uuid, null, 'new', now(), 'bench');
select id, name, position, condition, calendar_id, targets, partner_id, created_at, updated_at, version
from sla_policy where partner_id is null order by position, id;
select to_status, changed_at from ticket_status_change
where ticket_id = md5('w10' || :client_id || '-' || :r || '-' || txid_current())::uuid order by changed_at, id;
select metric, target_seconds, started_at, warn_announced, breach_announced from ticket_sla_clock
where ticket_id = md5('w10' || :client_id || '-' || :r || '-' || txid_current())::uuid for update;
delete from ticket_sla_clock where ticket_id = md5('w10' || :client_id || '-' || :r || '-' || txid_current())::uuid
  and metric <> all(string_to_array('first_response,resolution', ','));
insert into ticket_sla_clock (ticket_id, metric, policy_id, target_seconds, business_hours, state, elapsed_seconds,
    started_at, due_at, warn_at, breach_at, warn_announced, breach_announced, computed_at)
select md5('w10' || :client_id || '-' || :r || '-' || txid_current())::uuid, 'first_response', id, 3600, false,
       'running', 0, now(), now() + interval '1 hour', now() + interval '45 minutes', now() + interval '1 hour',
       false, false, now() from sla_policy where name = 'W10'
on conflict (ticket_id, metric) do update set state = excluded.state, computed_at = excluded.computed_at;
insert into ticket_sla_clock (ticket_id, metric, policy_id, target_seconds, business_hours, state, elapsed_seconds,
    started_at, due_at, warn_at, breach_at, warn_announced, breach_announced, computed_at)
select md5('w10' || :client_id || '-' || :r || '-' || txid_current())::uuid, 'resolution', id, 28800, false,
       'running', 0, now(), now() + interval '8 hours', now() + interval '6 hours', now() + interval '8 hours',
       false, false, now() from sla_policy where name = 'W10'
on conflict (ticket_id, metric) do update set state = excluded.state, computed_at = excluded.computed_at;
insert into ticket_customer_facts as f (customer_id, open_tickets, ticket_count, last_ticket_at)
values ((select id from bench_ids where n = :c), 1, 1, now())
on conflict (customer_id) do update set open_tickets = greatest(f.open_tickets + 1, 0),
    ticket_count = greatest(f.ticket_count + 1, 0), last_ticket_at = greatest(f.last_ticket_at, excluded.last_ticket_at);
insert into ticket_message (id, ticket_id, visibility, author_type, author_id, body_text, attachments, created_at)
values (gen_random_uuid(), md5('w10' || :client_id || '-' || :r || '-' || txid_current())::uuid, 'public', 'requester',
        'bench', 'My card was declined at checkout.', '{"items": []}', now());
update ticket set sla_policy_id = (select id from sla_policy where name = 'W10'), sla_due_at = now() + interval '1 hour',
    version = version + 1
where id = md5('w10' || :client_id || '-' || :r || '-' || txid_current())::uuid and version = 0;
with appended as (
    insert into event (id, type, subject_type, subject_id, payload, actor, partner_id)
    values (gen_random_uuid(), 'ticket.created', 'ticket', md5('w10' || :client_id || '-' || :r || '-' || txid_current())::uuid,
            '{"subject":"Card declined","status":"new","priority":"normal"}', 'bench', null)
    returning id, occurred_at
)
insert into audit_entry (id, occurred_at, actor, action, resource_type, resource_id, changed_fields)
select id, occurred_at, 'bench', 'ticket.created', 'ticket', md5('w10' || :client_id || '-' || :r || '-' || txid_current())::uuid, '{}' from appended;
with appended as (
    insert into event (id, type, subject_type, subject_id, payload, actor, partner_id)
    values (gen_random_uuid(), 'ticket.message_added', 'ticket', md5('w10' || :client_id || '-' || :r || '-' || txid_current())::uuid,
            '{"message":{"bodyText":"My card was declined at checkout."}}', 'bench', null)
    returning id, occurred_at
)
insert into audit_entry (id, occurred_at, actor, action, resource_type, resource_id, changed_fields)
select id, occurred_at, 'bench', 'ticket.message_added', 'ticket', md5('w10' || :client_id || '-' || :r || '-' || txid_current())::uuid, '{}' from appended;
update idempotency_key set status = 201, response_body = '{}', etag = '"0"'
where principal = 'bench' and key = 'w10-' || :client_id || '-' || :r || '-' || txid_current();
commit;
