-- The change feed: events carry the partner owning their subject, so partners read only their own.
alter table event add column partner_id text;
create index event_partner_idx on event (partner_id, seq);
create index event_occurred_idx on event (occurred_at);

-- Consumers inside the service (webhook dispatcher, later segments and triggers) keep their position here.
create table consumer_cursor (
    name       text        primary key,
    seq        bigint      not null default 0,
    updated_at timestamptz not null default now()
);

-- Wakes consumers the moment an event commits (NOTIFY is delivered at commit); polling is the fallback.
create function notify_event() returns trigger language plpgsql as $$
begin
    perform pg_notify('rapport_events', new.seq::text);
    return null;
end $$;
create trigger event_notify after insert on event for each row execute function notify_event();
