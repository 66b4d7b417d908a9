package dev.rapport.automation;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.rapport.platform.config.RapportConfig;
import dev.rapport.platform.db.PooledStatements;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Deletes finished trigger runs that fired before {@code rapport.automations.run-retention} (400 days by default),
 * with their actions, in batches of 1,000 runs, each one short statement. A run whose actions are still to do is
 * kept whatever its age.
 */
@ApplicationScoped
public class AutomationRetention {

    private static final Logger LOG = Logger.getLogger(AutomationRetention.class);
    static final int BATCH = 1_000;

    private final RapportConfig config;
    private final PooledStatements statements;
    private final Clock clock;

    AutomationRetention(RapportConfig config, PooledStatements statements, Clock clock) {
        this.config = config;
        this.statements = statements;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delayed = "15m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> deleteExpired() {
        OffsetDateTime before =
                OffsetDateTime.now(clock).minus(config.automations().runRetention());
        return Multi.createBy()
                .repeating()
                .uni(() -> deleteBatch(before))
                .whilst(deleted -> deleted == BATCH)
                .collect()
                .with(Collectors.summingInt(Integer::intValue))
                .invoke(total -> LOG.debugf("Deleted %d expired trigger runs", total))
                .replaceWithVoid();
    }

    private Uni<Integer> deleteBatch(OffsetDateTime before) {
        return statements
                .list("""
                        with gone as (
                            delete from trigger_run where id in (
                                select id from trigger_run where fired_at < $1 and status <> 'running' limit $2)
                            returning id
                        ),
                        actions as (delete from trigger_action_run a using gone where a.run_id = gone.id)
                        select count(*) from gone
                        """, Tuple.of(before, BATCH), row -> row.getLong(0).intValue())
                .map(rows -> rows.get(0));
    }
}
