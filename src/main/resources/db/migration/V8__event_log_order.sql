-- The event log is read in (xact_id, seq) order up to the oldest running transaction. Read in seq order, an event
-- could be skipped: a transaction that took its xid first but appended last commits a higher seq than one still
-- running, and a reader passing that seq never returned for the lower one.
create index event_log_order_idx on event (xact_id, seq);
drop index event_partner_idx;
create index event_partner_idx on event (partner_id, xact_id, seq);

-- Consumers keep a log position. An old seq cursor becomes a position before every event above it (events at or
-- below it may be read again; consumers de-duplicate by event id).
alter table consumer_cursor add column xact_id xid8 not null default '0';
update consumer_cursor c
set xact_id = least(pg_snapshot_xmin(pg_current_snapshot()),
                    (select e.xact_id from event e where e.seq > c.seq order by e.xact_id limit 1)),
    seq = 0
where c.seq > 0;
