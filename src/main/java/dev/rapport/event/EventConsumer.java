package dev.rapport.event;

import java.util.List;

import io.smallrye.mutiny.Uni;

/**
 * A background engine that reads the event log: the webhook dispatcher, and the segment, automation and loyalty
 * engines as they come. Implement it as a CDI bean and {@link EventConsumers} runs it: every committed event is
 * handed to it once, in log order, in batches, with a durable cursor of its own, woken right after this replica's
 * writes commit and by polling for other replicas' writes.
 *
 * <p>A batch is handled inside the transaction that advances the consumer's cursor, so what {@link #handle} writes
 * through Hibernate (rows, and events it appends with {@link EventLog}) commits together with the cursor: a crash
 * rolls both back and the batch is handled again. Handlers must therefore be idempotent per event (a unique key on
 * the event id, as webhook deliveries have), and must not call out of the process: work for the outside world is
 * queued in the transaction and sent after it, as webhook deliveries are.
 */
public interface EventConsumer {

    /** The name of the consumer's cursor: stable across releases (renaming it replays the whole log). */
    String name();

    /** Whether this replica runs the consumer. */
    default boolean enabled() {
        return true;
    }

    /** Handles the next events, in log order, in the batch's transaction. */
    Uni<Void> handle(List<StoredEvent> batch);

    /** Runs after a batch of {@code count} events was handled and committed (to wake a sender, say). */
    default void committed(int count) {}
}
