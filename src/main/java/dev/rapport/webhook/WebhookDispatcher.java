package dev.rapport.webhook;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.hibernate.reactive.mutiny.Mutiny;

import dev.rapport.event.EventNotifications;
import dev.rapport.event.EventRepository;
import dev.rapport.event.EventRepository.StoredEvent;
import dev.rapport.event.LogPosition;
import dev.rapport.platform.config.RapportConfig;
import dev.rapport.platform.db.Background;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Fans committed events out into webhook deliveries. It is a consumer of the event log with a durable cursor: in
 * one transaction it takes its cursor's advisory lock (if free, so one replica at a time), reads the next events in
 * log order (gap-safe, see {@link EventRepository#after}), queues a delivery per matching endpoint and advances the
 * cursor. A crash rolls the batch back and the next run redoes it; the unique (endpoint, event) key makes that
 * harmless.
 */
@ApplicationScoped
public class WebhookDispatcher {

    static final String CONSUMER = "webhook-dispatcher";
    private static final int BATCH = 500;
    /** How soon a run looks again when events it may not have seen are (or may soon be) committed. */
    private static final long LOOK_AGAIN_MS = 50;

    private final EventRepository events;
    private final WebhookDeliveries deliveries;
    private final WebhookSender sender;
    private final RapportConfig.Webhooks config;
    private final Background background;
    private final Vertx vertx;
    private volatile boolean cursorExists;

    WebhookDispatcher(EventRepository events, WebhookDeliveries deliveries, WebhookSender sender,
            RapportConfig config, Vertx vertx) {
        this.events = events;
        this.deliveries = deliveries;
        this.sender = sender;
        this.config = config.webhooks();
        this.background = new Background(CONSUMER, vertx, this::dispatchBatch);
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent startup, EventNotifications notifications) {
        if (config.enabled()) {
            notifications.onEvent(background::wake);
            background.wake();
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        background.stop();
    }

    @Scheduled(every = "${rapport.webhooks.poll-interval}", delayed = "1s")
    void poll() {
        if (config.enabled()) {
            background.wake();
        }
    }

    /** The cursor's row, made by runs of this replica until one has found it (later runs need not ask again). */
    private Uni<Void> createCursor(Mutiny.Session session) {
        if (cursorExists) {
            return Uni.createFrom().voidItem();
        }
        return session.createNativeQuery("""
                insert into consumer_cursor (name) values (:name) on conflict (name) do nothing
                """).setParameter("name", CONSUMER).executeUpdate().replaceWithVoid();
    }

    /**
     * What one run did: whether it held the cursor, how many events it dispatched, and whether it should look again
     * shortly.
     */
    private record Run(boolean heldCursor, int dispatched, boolean lookAgain) {
    }

    /** One batch; true when the batch was full and another should follow at once. */
    Uni<Boolean> dispatchBatch() {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> createCursor(session)
                // An advisory lock rather than FOR UPDATE: a row lock would give this transaction an id before
                // the read below, and the read returns nothing beyond the oldest running transaction, its own.
                .chain(() -> session.createNativeQuery("""
                        select cast(xact_id as text), seq from consumer_cursor
                        where name = :name and pg_try_advisory_xact_lock(hashtext('consumer_cursor'), hashtext(:name))
                        """, Object[].class).setParameter("name", CONSUMER).getResultList())
                .chain(cursor -> cursor.isEmpty()
                        // Another replica is dispatching; it may have read before our events committed.
                        ? Uni.createFrom().item(new Run(false, 0, true))
                        : dispatchAfter(session, new LogPosition(Long.parseLong((String) cursor.get(0)[0]),
                                ((Number) cursor.get(0)[1]).longValue())))))
                // Wake the sender after the commit, when the new deliveries are visible to it.
                .invoke(run -> {
                    if (run.heldCursor()) {
                        cursorExists = true;
                    }
                    if (run.dispatched() > 0) {
                        sender.wake();
                    }
                    if (run.lookAgain()) {
                        vertx.setTimer(LOOK_AGAIN_MS, timer -> background.wake());
                    }
                })
                .map(run -> run.dispatched() == BATCH);
    }

    private Uni<Run> dispatchAfter(Mutiny.Session session, LogPosition cursor) {
        return events.next(session, cursor, BATCH).chain(batch -> {
            List<StoredEvent> read = batch.events();
            if (read.isEmpty()) {
                return Uni.createFrom().item(new Run(true, 0, batch.heldBack()));
            }
            LogPosition last = read.get(read.size() - 1).position();
            return enqueueAll(read)
                    .chain(() -> session.createNativeQuery("""
                            update consumer_cursor
                            set xact_id = cast(:xid as xid8), seq = :seq, updated_at = now()
                            where name = :name
                            """).setParameter("xid", Long.toString(last.xactId())).setParameter("seq", last.seq())
                            .setParameter("name", CONSUMER).executeUpdate())
                    .replaceWith(new Run(true, read.size(), read.size() < BATCH && batch.heldBack()));
        });
    }

    private Uni<Integer> enqueueAll(List<StoredEvent> batch) {
        return deliveries.enqueue(batch.stream()
                .map(event -> new WebhookDeliveries.Outgoing(event.id(), event.type(), event.occurredAt(),
                        event.partnerId(), deliveries.envelope(event.id(), event.type(), event.occurredAt(),
                                event.payload())))
                .toList());
    }
}
