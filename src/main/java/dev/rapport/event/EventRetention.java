package dev.rapport.event;

import java.time.Clock;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.rapport.platform.config.RapportConfig;
import dev.rapport.platform.db.PooledStatements;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Deletes events older than {@code rapport.events.retention} (30 days by default), in batches of 10,000 (each its
 * own short statement, so no long transaction holds the log), until none is left.
 */
@ApplicationScoped
public class EventRetention {

    private static final Logger LOG = Logger.getLogger(EventRetention.class);
    static final int BATCH = 10_000;

    private final RapportConfig config;
    private final PooledStatements statements;
    private final Clock clock;

    EventRetention(RapportConfig config, PooledStatements statements, Clock clock) {
        this.config = config;
        this.statements = statements;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> deleteExpired() {
        OffsetDateTime before = OffsetDateTime.now(clock).minus(config.events().retention());
        return Multi.createBy()
                .repeating()
                .uni(() -> deleteBatch(before))
                .whilst(deleted -> deleted == BATCH)
                .collect()
                .with(java.util.stream.Collectors.summingInt(Integer::intValue))
                .invoke(total -> LOG.debugf("Deleted %d expired events", total))
                .replaceWithVoid();
    }

    private Uni<Integer> deleteBatch(OffsetDateTime before) {
        return statements.execute("""
                delete from event where seq in (select seq from event where occurred_at < $1 limit $2)
                """, Tuple.of(before, BATCH)).map(rows -> rows.rowCount());
    }
}
