package dev.rapport.platform.db;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.ext.web.RoutingContext;

/**
 * Work to do once the current unit of work has ended: an HTTP request once its answer is being written, a
 * {@link Background} run once it has finished. Transactions end before either does, so a callback sees what the
 * unit of work committed. This is how a write wakes the consumers of what it wrote without asking the database
 * to notify anyone, which would serialize every commit on PostgreSQL's notification queue lock.
 * <p>
 * Callbacks are dropped outside a unit of work (neither an HTTP request nor a background run) and when the caller
 * goes away before its answer is written: whoever relies on them also polls.
 */
@ApplicationScoped
public class AfterWork {

    private static final Logger LOG = Logger.getLogger(AfterWork.class);
    private static final String KEY = AfterWork.class.getName();

    /** The callbacks of one unit of work. A unit of work runs on one duplicated context, so one thread at a time. */
    static final class Callbacks {

        private Set<Runnable> pending;

        void add(Runnable callback) {
            if (pending == null) {
                pending = new LinkedHashSet<>(4);
            }
            pending.add(callback);
        }

        void run() {
            Set<Runnable> due = pending;
            pending = null;
            if (due == null) {
                return;
            }
            for (Runnable callback : due) {
                try {
                    callback.run();
                } catch (RuntimeException e) {
                    LOG.errorf(e, "A callback after the unit of work failed");
                }
            }
        }
    }

    private final CurrentVertxRequest request;

    AfterWork(CurrentVertxRequest request) {
        this.request = request;
    }

    /**
     * Runs {@code callback} when the current unit of work ends, whether its transactions committed or not. The
     * same callback added twice in one unit of work runs once.
     */
    public void add(Runnable callback) {
        Optional<Callbacks> run = VertxContext.isOnDuplicatedContext() ? ContextLocals.get(KEY) : Optional.empty();
        if (run.isPresent()) {
            run.get().add(callback);
        } else if (Arc.container().requestContext().isActive() && request.getCurrent() != null) {
            RoutingContext http = request.getCurrent();
            Callbacks callbacks = http.get(KEY);
            if (callbacks == null) {
                Callbacks created = new Callbacks();
                http.put(KEY, created);
                // not addEndHandler: that takes over the response's end and close handlers, and the GraphQL
                // handler ends its request context in those (AfterWorkTest)
                http.addHeadersEndHandler(ignored -> created.run());
                callbacks = created;
            }
            callbacks.add(callback);
        }
    }

    /** Opens a unit of work (a background run) on the current duplicated context; running the result ends it. */
    static Callbacks begin() {
        Callbacks callbacks = new Callbacks();
        ContextLocals.put(KEY, callbacks);
        return callbacks;
    }
}
