package dev.rapport.platform.db;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Runs background work (consumers of the event log, the webhook sender) one run at a time, each run on a fresh,
 * safe Vert.x duplicated context as Hibernate Reactive requires. A wake-up that arrives during a run makes the run
 * repeat once it ends, so no notification is lost and runs never overlap in this replica. Each run is a unit of
 * work for {@link AfterWork}: what it registers there runs when the run ends.
 */
public final class Background {

    private static final Logger LOG = Logger.getLogger(Background.class);

    private final String name;
    private final Vertx vertx;
    private final Supplier<Uni<Boolean>> run;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean stopped;

    /**
     * @param run one unit of work; it answers true when it should run again at once (a full batch)
     */
    public Background(String name, Vertx vertx, Supplier<Uni<Boolean>> run) {
        this.name = name;
        this.vertx = vertx;
        this.run = run;
    }

    public void wake() {
        if (stopped) {
            return;
        }
        again.set(true);
        if (running.compareAndSet(false, true)) {
            again.set(false);
            start();
        }
    }

    /** No run starts after this (the service is shutting down and the database may already be gone). */
    public void stop() {
        stopped = true;
    }

    private void start() {
        detached(vertx, run, this::finished, failure -> {
            LOG.errorf(failure, "%s failed; it will run again at the next wake-up", name);
            finished(false);
        });
    }

    /**
     * Runs {@code work} on a fresh, safe Vert.x duplicated context, so that its Hibernate Reactive session is its
     * own even when it runs beside others started from the same place, as a unit of work for {@link AfterWork}.
     */
    public static <T> void detached(
            Vertx vertx, Supplier<Uni<T>> work, Consumer<T> onItem, Consumer<Throwable> onFailure) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> {
            AfterWork.Callbacks afterwards = AfterWork.begin();
            // deferred: a supplier that throws fails the Uni instead of leaving the caller waiting for an answer
            Uni.createFrom()
                    .<T>deferred(work::get)
                    .subscribe()
                    .with(
                            item -> {
                                afterwards.run();
                                onItem.accept(item);
                            },
                            failure -> {
                                afterwards.run();
                                onFailure.accept(failure);
                            });
        });
    }

    private void finished(Boolean more) {
        if (stopped) {
            running.set(false);
            return;
        }
        if (Boolean.TRUE.equals(more) || again.getAndSet(false)) {
            start();
            return;
        }
        running.set(false);
        // A wake-up between the check above and this point saw the run as busy: take it over now.
        if (again.get() && running.compareAndSet(false, true)) {
            again.set(false);
            start();
        }
    }
}
