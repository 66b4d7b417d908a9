package dev.rapport.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.hibernate.reactive.mutiny.Mutiny;

import dev.rapport.event.EventLog;
import dev.rapport.platform.config.RapportConfig;
import dev.rapport.platform.db.AfterWork;
import dev.rapport.platform.db.Background;
import dev.rapport.platform.time.Clocks;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Announces SLA warnings and breaches at their time, not at the next read. Each run claims due clocks with
 * {@code FOR UPDATE SKIP LOCKED} (replicas share the work; a clock being rewritten by its ticket's change is
 * skipped until that commits), marks them announced and appends one {@code ticket.sla_warning} or
 * {@code ticket.sla_breached} per clock and target, all in one transaction: an announcement exists if and only if
 * its mark does, so none is made twice. A run is due when a clock this replica wrote falls due, and every
 * {@code rapport.tickets.sla-poll-interval} for the clocks of other replicas.
 */
@ApplicationScoped
public class SlaScheduler {

    /** Running clocks whose breach is due: breached now, announced once. */
    private static final String CLAIM_BREACHES = """
            update ticket_sla_clock c
            set breach_announced = true,
                state = case when c.state = 'running' then 'breached' else c.state end,
                breached_at = coalesce(c.breached_at, c.breach_at),
                decided_at = coalesce(c.decided_at, c.breached_at, c.breach_at)
            from (select ticket_id, metric from ticket_sla_clock
                  where not breach_announced and breach_at <= :now
                  order by breach_at limit :batch
                  for update skip locked) due
            where c.ticket_id = due.ticket_id and c.metric = due.metric
            returning cast(c.ticket_id as text), c.metric
            """;

    /** Running clocks past their warning; those whose breach is due too are marked without a warning. */
    private static final String CLAIM_WARNINGS = """
            update ticket_sla_clock c
            set warn_announced = true
            from (select ticket_id, metric from ticket_sla_clock
                  where not warn_announced and warn_at <= :now
                  order by warn_at limit :batch
                  for update skip locked) due
            where c.ticket_id = due.ticket_id and c.metric = due.metric
            returning cast(c.ticket_id as text), c.metric, (c.breach_at is not null and c.breach_at <= :now)
            """;

    /** The events of claimed clocks, as {@link EventLog#appendSelected} takes them; :type names the event. */
    private static final String EVENTS = """
            select cast(:type as text) as type, 'ticket' as subject_type, t.id as subject_id, t.partner_id,
                   jsonb_strip_nulls(jsonb_build_object(
                       'ticketId', t.id,
                       'number', 'T-' || t.number,
                       'customerId', t.customer_id,
                       'metric', case c.metric when 'first_response' then 'firstResponse'
                                               when 'next_reply' then 'nextReply' else 'resolution' end,
                       'target', cast(make_interval(secs => c.target_seconds) as text),
                       'businessHours', c.business_hours,
                       'policyId', c.policy_id,
                       'dueAt', to_char(coalesce(c.breached_at, c.due_at) at time zone 'UTC',
                                        'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                       'warnAt', case when cast(:type as text) = 'ticket.sla_warning'
                                      then to_char(c.warn_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
                                 end)) as payload,
                   cast(null as uuid) as caused_by
            from unnest(cast(string_to_array(:tickets, ',') as uuid[]), string_to_array(:metrics, ',')) as k(id, metric)
            join ticket_sla_clock c on c.ticket_id = k.id and c.metric = k.metric
            join ticket t on t.id = c.ticket_id
            """;

    /** The earliest announcement still to make. */
    private static final String NEXT = """
            select least((select min(breach_at) from ticket_sla_clock where not breach_announced),
                         (select min(warn_at) from ticket_sla_clock where not warn_announced))
            """;

    /** The least time between two runs set for due clocks: announcements falling due together share one run. */
    static final long GAP_MILLIS = 50;

    private final EventLog events;
    private final AfterWork afterWork;
    private final Clock clock;
    private final RapportConfig.Tickets config;
    private final Vertx vertx;
    private final Background background;
    /** When the timer set by {@link #expect} fires, epoch milliseconds of the real clock; 0 when none is set. */
    private final AtomicLong timerAt = new AtomicLong();

    SlaScheduler(EventLog events, AfterWork afterWork, Clock clock, RapportConfig config, Vertx vertx) {
        this.events = events;
        this.afterWork = afterWork;
        this.clock = clock;
        this.config = config.tickets();
        this.vertx = vertx;
        this.background = new Background("sla-scheduler", vertx, this::announceDue);
    }

    /** Looks for due clocks now. */
    public void wake() {
        if (config.enabled()) {
            background.wake();
        }
    }

    @Scheduled(every = "${rapport.tickets.sla-poll-interval:PT1S}", delayed = "1s")
    void poll() {
        wake();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        background.stop();
    }

    /**
     * A clock written in this unit of work falls due at {@code at}: once it has committed, a run is due then
     * (at once when that has passed), unless one is set to come sooner.
     */
    void expect(Instant at) {
        afterWork.add(() -> schedule(at, 0));
    }

    /**
     * Sets a run for {@code at} (no sooner than {@code gap} milliseconds from now), unless one is set to come
     * sooner; a time beyond the poll interval is left to the poll.
     */
    private void schedule(Instant at, long gap) {
        long delay = Math.max(gap, Duration.between(clock.instant(), at).toMillis());
        if (delay >= config.slaPollInterval().toMillis()) {
            return;
        }
        long fireAt = System.currentTimeMillis() + delay;
        long current = timerAt.get();
        if (current != 0 && current <= fireAt) {
            return;
        }
        timerAt.set(fireAt);
        vertx.setTimer(Math.max(1, delay), id -> {
            timerAt.compareAndSet(fireAt, 0);
            wake();
        });
    }

    /** Runs one batch now, detached from the caller's thread; true when a batch was full. */
    Uni<Boolean> announceNow() {
        return Uni.createFrom()
                .emitter(emitter -> Background.detached(vertx, this::announceDue, emitter::complete, emitter::fail));
    }

    /**
     * One batch of due breaches and warnings; true when a batch was full (more may be due). Otherwise the next
     * run is set for the earliest announcement still to make (whoever wrote its clock), at least
     * {@link #GAP_MILLIS} later, so that clocks falling due together are announced together.
     */
    Uni<Boolean> announceDue() {
        AtomicReference<Instant> next = new AtomicReference<>();
        return announceBatch(next).invoke(full -> {
            if (!full && next.get() != null) {
                schedule(next.get(), GAP_MILLIS);
            }
        });
    }

    private Uni<Boolean> announceBatch(AtomicReference<Instant> next) {
        OffsetDateTime now = Clocks.now(clock);
        int batch = config.slaBatchSize();
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery("set local intervalstyle = 'iso_8601'")
                        .executeUpdate()
                        .chain(() -> claim(session, CLAIM_BREACHES, now, batch))
                        .chain(breaches -> announce(TicketEvent.SLA_BREACHED, breaches)
                                .chain(() -> countBreaches(session, breaches))
                                .chain(() -> claim(session, CLAIM_WARNINGS, now, batch))
                                .chain(warnings -> announce(
                                                TicketEvent.SLA_WARNING,
                                                warnings.stream()
                                                        .filter(warning -> !Boolean.TRUE.equals(warning[2]))
                                                        .toList())
                                        .chain(ignored -> session.createNativeQuery(NEXT, OffsetDateTime.class)
                                                .getResultList())
                                        .map(rows -> {
                                            OffsetDateTime at = rows.isEmpty() ? null : rows.get(0);
                                            next.set(at == null ? null : at.toInstant());
                                            return breaches.size() == batch || warnings.size() == batch;
                                        })))));
    }

    private static Uni<List<Object[]>> claim(Mutiny.Session session, String sql, OffsetDateTime now, int batch) {
        return session.createNativeQuery(sql, Object[].class)
                .setParameter("now", now)
                .setParameter("batch", batch)
                .getResultList();
    }

    private Uni<Integer> announce(String type, List<Object[]> clocks) {
        if (clocks.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return events.appendSelected(
                EVENTS,
                Map.of(
                        "type", type,
                        "tickets",
                                String.join(
                                        ",",
                                        clocks.stream().map(c -> (String) c[0]).toList()),
                        "metrics",
                                String.join(
                                        ",",
                                        clocks.stream().map(c -> (String) c[1]).toList())));
    }

    /** Counts the breaches in the requesters' ticket facts (the breachedTickets fact). */
    private static Uni<Integer> countBreaches(Mutiny.Session session, List<Object[]> breaches) {
        if (breaches.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return session.createNativeQuery("""
                        update ticket_customer_facts f set breached_count = f.breached_count + b.n
                        from (select t.customer_id, count(*) as n
                              from unnest(cast(string_to_array(:tickets, ',') as uuid[])) as k(id)
                              join ticket t on t.id = k.id group by t.customer_id) b
                        where f.customer_id = b.customer_id
                        """)
                .setParameter(
                        "tickets",
                        String.join(
                                ",", breaches.stream().map(c -> (String) c[0]).toList()))
                .executeUpdate();
    }
}
