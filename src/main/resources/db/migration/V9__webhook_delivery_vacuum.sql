-- webhook_delivery is a queue. Every delivery is inserted, leased by a claim and settled by its attempt record: two
-- updates that change indexed columns, so each leaves a dead entry in every index until VACUUM removes it. The
-- sender's claim reads webhook_delivery_due_idx from its oldest entry and so walks past every dead entry left since
-- the last vacuum: after 35,000 deliveries, 1,100 index pages and 35 ms of database CPU per claim (bench/FINDINGS.md,
-- session 7). With the default scale factor autovacuum waits for dead rows to reach a fifth of the table, which
-- keeps every delivery ever made; here it comes once 2,000 rows are dead, whatever the table's size.
alter table webhook_delivery set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 2000);
