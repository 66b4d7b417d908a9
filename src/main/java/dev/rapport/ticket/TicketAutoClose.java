package dev.rapport.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.rapport.platform.config.RapportConfig;
import dev.rapport.platform.db.Background;
import dev.rapport.platform.db.PooledStatements;
import dev.rapport.platform.time.Clocks;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Closes tickets solved more than {@code rapport.tickets.close-after-days} ago, each in its own transaction through
 * {@link TicketService} (so it is recorded, evented and counted like any move), a batch at a time. Replicas may
 * run it together: each ticket is locked while it is closed, and one closed already is left alone.
 */
@ApplicationScoped
public class TicketAutoClose {

    private static final Logger LOG = Logger.getLogger(TicketAutoClose.class);
    static final int BATCH = 200;

    private final TicketService tickets;
    private final PooledStatements statements;
    private final RapportConfig.Tickets config;
    private final Clock clock;
    private final Vertx vertx;

    TicketAutoClose(
            TicketService tickets, PooledStatements statements, RapportConfig config, Clock clock, Vertx vertx) {
        this.tickets = tickets;
        this.statements = statements;
        this.config = config.tickets();
        this.clock = clock;
        this.vertx = vertx;
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        if (!config.enabled()) {
            return Uni.createFrom().voidItem();
        }
        return closeDue().replaceWithVoid();
    }

    /** Closes every ticket due to close now; answers how many it closed. */
    Uni<Integer> closeDue() {
        OffsetDateTime before = Clocks.now(clock).minus(Duration.ofDays(config.closeAfterDays()));
        return Uni.createFrom()
                .<Integer>emitter(emitter -> Background.detached(
                        vertx,
                        () -> Multi.createBy()
                                .repeating()
                                .uni(() -> batch(before))
                                .whilst(closed -> closed == BATCH)
                                .collect()
                                .with(java.util.stream.Collectors.summingInt(Integer::intValue))
                                .invoke(total -> LOG.debugf("Closed %d solved tickets", total)),
                        emitter::complete,
                        emitter::fail));
    }

    private Uni<Integer> batch(OffsetDateTime before) {
        return statements
                .list(
                        "select id from ticket where status = 'solved' and solved_at < $1 order by solved_at limit $2",
                        Tuple.of(before, BATCH),
                        row -> row.getUUID(0))
                .chain(ids -> close(ids, before));
    }

    private Uni<Integer> close(List<UUID> ids, OffsetDateTime before) {
        Uni<Integer> closed = Uni.createFrom().item(0);
        for (UUID id : ids) {
            closed = closed.chain(n -> tickets.closeSolved(id, before).map(done -> done ? n + 1 : n));
        }
        return closed.map(n -> ids.size() == BATCH ? BATCH : n);
    }
}
