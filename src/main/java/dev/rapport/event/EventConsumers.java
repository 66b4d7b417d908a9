package dev.rapport.event;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.hibernate.reactive.mutiny.Mutiny;

import dev.rapport.platform.db.Background;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Runs every {@link EventConsumer}: one {@link Background} runner per consumer, woken after this replica's writes
 * commit ({@link EventNotifications}) and every {@code rapport.events.poll-interval}.
 *
 * <p>One run is one transaction: it takes the consumer's cursor's advisory lock (if free: one replica at a time
 * handles a consumer's events, the others skip the run), reads the next events in log order (gap-safe, see
 * {@link EventQueries#after}), hands them to the consumer and advances the cursor. A full batch runs again at once;
 * when committed events are held back by an older transaction still running, the run looks again shortly.
 */
@ApplicationScoped
public class EventConsumers {

    static final int BATCH = 500;
    /** How soon a run looks again when events it may not have seen are (or may soon be) committed. */
    private static final long LOOK_AGAIN_MS = 50;

    private final EventQueries events;
    private final Vertx vertx;
    private final List<Runner> runners = new ArrayList<>();

    EventConsumers(Instance<EventConsumer> consumers, EventQueries events, Vertx vertx) {
        this.events = events;
        this.vertx = vertx;
        for (EventConsumer consumer : consumers) {
            runners.add(new Runner(consumer));
        }
    }

    void start(@Observes StartupEvent startup, EventNotifications notifications) {
        notifications.onEvent(this::wakeAll);
        wakeAll();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        runners.forEach(runner -> runner.background.stop());
    }

    @Scheduled(every = "${rapport.events.poll-interval}", delayed = "1s")
    void poll() {
        wakeAll();
    }

    private void wakeAll() {
        for (Runner runner : runners) {
            if (runner.consumer.enabled()) {
                runner.background.wake();
            }
        }
    }

    /** What one run did: whether it held the cursor, how many events it handled, whether to look again shortly. */
    private record Run(boolean heldCursor, int handled, boolean lookAgain) {}

    /** One consumer, its runner, and whether its cursor row is known to exist. */
    private final class Runner {

        private final EventConsumer consumer;
        private final Background background;
        private volatile boolean cursorExists;

        Runner(EventConsumer consumer) {
            this.consumer = consumer;
            this.background = new Background(consumer.name(), vertx, this::runBatch);
        }

        /** One batch; true when the batch was full and another should follow at once. */
        private Uni<Boolean> runBatch() {
            return Panache.withTransaction(() -> Panache.getSession()
                            .chain(session -> createCursor(session)
                                    // An advisory lock rather than FOR UPDATE: a row lock would give this transaction
                                    // an id before
                                    // the read below, and the read returns nothing beyond the oldest running
                                    // transaction, its own.
                                    .chain(() -> session.createNativeQuery("""
                            select cast(xact_id as text) || ':' || seq from consumer_cursor
                            where name = :name
                              and pg_try_advisory_xact_lock(hashtext('consumer_cursor'), hashtext(:name))
                            """, String.class)
                                            .setParameter("name", consumer.name())
                                            .getResultList())
                                    .chain(cursor -> cursor.isEmpty()
                                            // Another replica is running this consumer; it may have read before our
                                            // events committed.
                                            ? Uni.createFrom().item(new Run(false, 0, true))
                                            : handleAfter(session, position(cursor.get(0))))))
                    .invoke(run -> {
                        if (run.heldCursor()) {
                            cursorExists = true;
                        }
                        if (run.handled() > 0) {
                            consumer.committed(run.handled());
                        }
                        if (run.lookAgain()) {
                            vertx.setTimer(LOOK_AGAIN_MS, timer -> background.wake());
                        }
                    })
                    .map(run -> run.handled() == BATCH);
        }

        /** The cursor's row, made by runs of this replica until one has found it (later runs need not ask again). */
        private Uni<Void> createCursor(Mutiny.Session session) {
            if (cursorExists) {
                return Uni.createFrom().voidItem();
            }
            return session.createNativeQuery("insert into consumer_cursor (name) values (:name) on conflict do nothing")
                    .setParameter("name", consumer.name())
                    .executeUpdate()
                    .replaceWithVoid();
        }

        private Uni<Run> handleAfter(Mutiny.Session session, LogPosition cursor) {
            return events.next(cursor, BATCH).chain(batch -> {
                List<StoredEvent> read = batch.events();
                if (read.isEmpty()) {
                    return Uni.createFrom().item(new Run(true, 0, batch.heldBack()));
                }
                LogPosition last = read.get(read.size() - 1).position();
                return consumer.handle(read)
                        .chain(() -> session.createNativeQuery("""
                                update consumer_cursor
                                set xact_id = cast(:xid as xid8), seq = :seq, updated_at = now()
                                where name = :name
                                """)
                                .setParameter("xid", Long.toString(last.xactId()))
                                .setParameter("seq", last.seq())
                                .setParameter("name", consumer.name())
                                .executeUpdate())
                        .replaceWith(new Run(true, read.size(), read.size() < BATCH && batch.heldBack()));
            });
        }
    }

    /** A cursor as {@code xid:seq}. */
    private static LogPosition position(String cursor) {
        int colon = cursor.indexOf(':');
        return new LogPosition(Long.parseLong(cursor.substring(0, colon)), Long.parseLong(cursor.substring(colon + 1)));
    }
}
