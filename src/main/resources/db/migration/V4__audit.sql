-- Who changed what, for admins: one row per write, written in the write's transaction together with its event.
create table audit_entry (
    id             uuid        primary key,
    occurred_at    timestamptz not null default now(),
    actor          text,
    client_id      text,
    partner_id     text,
    request_id     text,
    action         text        not null,
    resource_type  text        not null,
    resource_id    uuid        not null,
    changed_fields text[]      not null default '{}'
);
create index audit_entry_time_idx on audit_entry (occurred_at desc, id desc);
create index audit_entry_resource_idx on audit_entry (resource_type, resource_id, occurred_at desc);
create index audit_entry_actor_idx on audit_entry (actor, occurred_at desc);
