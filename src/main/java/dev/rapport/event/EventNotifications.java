package dev.rapport.event;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.platform.db.AfterWork;

/**
 * Wakes the consumers of the event log (the webhook dispatcher, later segments and triggers) when this replica has
 * committed events: {@link EventLog} reports each append, and the listeners run once the request or background run
 * that appended has ended, so after its commit. Events committed by other replicas reach the consumers by polling.
 * <p>
 * A database trigger with NOTIFY used to do this; it made every writing transaction take PostgreSQL's global
 * notification queue lock during commit, so writers committed one at a time (bench/FINDINGS.md).
 */
@ApplicationScoped
public class EventNotifications {

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final Runnable wakeListeners = () -> listeners.forEach(Runnable::run);
    private final AfterWork afterWork;

    EventNotifications(AfterWork afterWork) {
        this.afterWork = afterWork;
    }

    /** Runs {@code listener} (quickly, without blocking) after a unit of work of this replica appended events. */
    public void onEvent(Runnable listener) {
        listeners.add(listener);
    }

    /** An event was appended in the current unit of work: wake the listeners once it has ended. */
    void appended() {
        afterWork.add(wakeListeners);
    }
}
