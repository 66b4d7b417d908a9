-- Consumers of the event log are now woken inside the service after the writing request commits (and poll for
-- other replicas' events). The NOTIFY trigger made every writing transaction take PostgreSQL's global
-- notification queue lock from pre-commit to the end of its commit, so concurrent writers committed one at a time.
drop trigger event_notify on event;
drop function notify_event();
