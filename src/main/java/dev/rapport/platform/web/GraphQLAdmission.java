package dev.rapport.platform.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.rapport.platform.config.RapportConfig;
import dev.rapport.platform.error.ProblemType;
import dev.rapport.platform.security.RateLimits;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Lets at most {@code rapport.graphql.max-concurrent} GraphQL requests execute at once; the others wait for a turn
 * in arrival order, holding nothing but their (already read) request. A GraphQL execution builds a large working set
 * (graphql-java's state and SmallRye GraphQL's context for every field fetched), and when a hundred run at once,
 * each waiting for the database pool, they live long enough to be promoted out of the young generation: the
 * collector then copies hundreds of megabytes per pause and the CPU per request triples (bench/FINDINGS.md,
 * 2026-11-24 b1ddc6c). Executed a few at a time they finish before that. Beyond {@code max-queued} waiting requests
 * the answer is {@code 503 overloaded} with {@code Retry-After}. Runs after authentication and the rate limits, so a
 * refused caller takes no turn.
 */
@ApplicationScoped
public class GraphQLAdmission {

    private final int maxConcurrent;
    private final int maxQueued;
    private final HttpProblems problems;
    private final AtomicInteger executing = new AtomicInteger();
    private final AtomicInteger waiting = new AtomicInteger();
    private final Queue<Waiting> queue = new ConcurrentLinkedQueue<>();
    private final Set<RoutingContext> running = ConcurrentHashMap.newKeySet();
    /** When a turn was last given back: with all turns taken and none given back for long, the replica is stuck. */
    private volatile Instant lastTurnEnded;

    private final Clock clock;

    /** A request waiting for a turn, with the event-loop context it arrived on (where it must continue). */
    private record Waiting(RoutingContext request, Context context) {}

    GraphQLAdmission(RapportConfig config, HttpProblems problems, Clock clock) {
        this.clock = clock;
        this.lastTurnEnded = clock.instant();
        this.maxConcurrent = config.graphql().maxConcurrent();
        this.maxQueued = config.graphql().maxQueued();
        this.problems = problems;
    }

    void install(@Observes Router router) {
        // after the permission check and the rate limits, before the GraphQL route (see RateLimits.GRAPHQL_ORDER)
        router.route("/graphql").order(RateLimits.GRAPHQL_ORDER + 1).handler(this::admit);
    }

    private void admit(RoutingContext request) {
        if (tryEnter()) {
            execute(request);
            return;
        }
        if (waiting.incrementAndGet() > maxQueued) {
            waiting.decrementAndGet();
            reject(request);
            return;
        }
        queue.add(new Waiting(request, Vertx.currentContext()));
        // a turn may have ended between tryEnter and add, with nobody in the queue to take it
        handOverTurns();
    }

    /** Takes a turn if one is free. */
    boolean tryEnter() {
        while (true) {
            int now = executing.get();
            if (now >= maxConcurrent) {
                return false;
            }
            if (executing.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    /** How many turns are taken. */
    int executing() {
        return executing.get();
    }

    /**
     * How long every turn has been taken without one being given back, or zero while a turn is free: requests that
     * wait then wait on requests that do not finish.
     */
    Duration stalledFor() {
        return executing.get() < maxConcurrent ? Duration.ZERO : Duration.between(lastTurnEnded, clock.instant());
    }

    /** How many requests are waiting for a turn. */
    int waiting() {
        return waiting.get();
    }

    /** Gives a turn back; the longest waiting request takes it. */
    void leave() {
        lastTurnEnded = clock.instant();
        executing.decrementAndGet();
        handOverTurns();
    }

    private void execute(RoutingContext request) {
        running.add(request);
        // the GraphQL handler replaces the response's end and close handlers (so addEndHandler never fires);
        // headers-end does, once its answer is written, and sweep() finds the requests whose caller went away
        request.addHeadersEndHandler(written -> finished(request));
        request.next();
    }

    private void finished(RoutingContext request) {
        if (running.remove(request)) {
            leave();
        }
    }

    /** Gives back the turns of requests whose connection closed before their answer was written. */
    @Scheduled(every = "1s", delayed = "1s")
    void sweep() {
        running.stream().filter(request -> request.response().closed()).forEach(this::finished);
    }

    private void handOverTurns() {
        while (!queue.isEmpty() && tryEnter()) {
            Waiting next = queue.poll();
            if (next == null) {
                leave();
                return;
            }
            waiting.decrementAndGet();
            next.context().runOnContext(ignored -> {
                if (next.request().response().closed()) {
                    leave(); // the caller gave up while waiting
                } else {
                    execute(next.request());
                }
            });
        }
    }

    private void reject(RoutingContext request) {
        request.response().putHeader("Retry-After", "1");
        problems.send(request, ProblemType.OVERLOADED, "Too many GraphQL requests are waiting; retry in 1 s");
    }
}
