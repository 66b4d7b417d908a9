package dev.rapport.automation;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.platform.action.ActionCall;
import dev.rapport.platform.action.ActionCatalog;
import dev.rapport.platform.action.ActionType;
import dev.rapport.platform.config.RapportConfig;
import dev.rapport.platform.db.Background;
import dev.rapport.platform.db.PooledStatements;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.error.ProblemType;
import dev.rapport.platform.time.Clocks;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Runs the actions of firings once they have committed, each in a transaction of its own that claims the action
 * ({@code FOR UPDATE SKIP LOCKED}: one replica, one worker at a time), makes its change through the action's domain
 * and records its outcome, so that the change and the outcome commit together. The transaction carries the run as
 * the cause of the events it appends ({@code rapport.caused_by}). A failure rolls all of it back and is recorded
 * apart, with the next attempt after {@code rapport.automations.retry-schedule}, or for good when retrying cannot
 * help or the schedule is spent; the run's later actions are then skipped. Each of
 * {@code rapport.automations.action-workers} workers takes one due action after another while there are any.
 */
@ApplicationScoped
public class AutomationActions {

    private static final Logger LOG = Logger.getLogger(AutomationActions.class);

    /** The next due action; its run is read once one is claimed (an idle look reads the due index only). */
    private static final String CLAIM = """
            select cast(a.run_id as text), a.position, a.type, cast(a.settings as text), a.attempts
            from trigger_action_run a
            where a.status = 'pending' and a.next_attempt_at <= :now
            order by a.next_attempt_at
            limit 1
            for update skip locked
            """;

    /** The claimed action's run, read as the transaction takes the run as the cause of what it appends. */
    private static final String RUN = """
            select cast(r.trigger_id as text), cast(r.customer_id as text), r.partner_id, r.sequence,
                   set_config('rapport.caused_by', cast(r.id as text), true), r.event_type, cast(e.payload as text)
            from trigger_run r left join event e on e.id = r.event_id
            where r.id = :run
            """;

    /** An action claimed for an attempt. */
    private record Claimed(
            UUID runId,
            int position,
            String type,
            JsonNode settings,
            int attempts,
            UUID triggerId,
            UUID customerId,
            String partnerId,
            long sequence,
            String eventType,
            JsonNode eventData) {

        ActionCall call() {
            return new ActionCall(
                    runId, triggerId, position, sequence, customerId, partnerId, settings, eventType, eventData);
        }
    }

    private final ActionCatalog catalog;
    private final PooledStatements statements;
    private final ObjectMapper json;
    private final Clock clock;
    private final RapportConfig.Automations config;
    private final List<Background> workers = new ArrayList<>();

    AutomationActions(
            ActionCatalog catalog,
            PooledStatements statements,
            ObjectMapper json,
            Clock clock,
            RapportConfig config,
            Vertx vertx) {
        this.catalog = catalog;
        this.statements = statements;
        this.json = json;
        this.clock = clock;
        this.config = config.automations();
        for (int i = 0; i < this.config.actionWorkers(); i++) {
            int next = i + 1;
            workers.add(new Background(
                    "automation-actions-" + i,
                    vertx,
                    () -> runNext().invoke(claimed -> {
                        if (claimed && next < workers.size()) {
                            workers.get(next).wake();
                        }
                    })));
        }
    }

    /**
     * Looks for due actions now (after firings commit; every poll interval for retries and other replicas): the
     * first worker looks, and each that finds one wakes the next, so idle looks cost one statement and a queue of
     * actions gets every worker.
     */
    public void wake() {
        if (config.enabled() && !workers.isEmpty()) {
            workers.get(0).wake();
        }
    }

    @Scheduled(every = "${rapport.events.poll-interval}", delayed = "1s")
    void poll() {
        wake();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        workers.forEach(Background::stop);
    }

    /** One due action, if there is one; true when there was (another may be due). */
    Uni<Boolean> runNext() {
        OffsetDateTime now = Clocks.now(clock);
        AtomicReference<Claimed> claimed = new AtomicReference<>();
        return Panache.withTransaction(() -> Panache.getSession()
                        .chain(session -> claim(session, now).chain(action -> {
                            if (action == null) {
                                return Uni.createFrom().item(false);
                            }
                            claimed.set(action);
                            return attempt(session, action, now).replaceWith(true);
                        })))
                .onFailure(failure -> claimed.get() != null)
                .recoverWithUni(failure -> failed(claimed.get(), failure, now).replaceWith(true));
    }

    private Uni<Claimed> claim(Mutiny.Session session, OffsetDateTime now) {
        return session.createNativeQuery(CLAIM, Object[].class)
                .setParameter("now", now)
                .getResultList()
                .chain(rows -> {
                    if (rows.isEmpty()) {
                        return Uni.createFrom().nullItem();
                    }
                    Object[] action = rows.get(0);
                    UUID runId = UUID.fromString((String) action[0]);
                    return session.createNativeQuery(RUN, Object[].class)
                            .setParameter("run", runId)
                            .getSingleResult()
                            .map(run -> new Claimed(
                                    runId,
                                    ((Number) action[1]).intValue(),
                                    (String) action[2],
                                    readTree((String) action[3]),
                                    ((Number) action[4]).intValue(),
                                    UUID.fromString((String) run[0]),
                                    run[1] == null ? null : UUID.fromString((String) run[1]),
                                    (String) run[2],
                                    run[3] == null ? 0 : ((Number) run[3]).longValue(),
                                    (String) run[5],
                                    run[6] == null ? null : readTree((String) run[6])));
                });
    }

    /**
     * The action's change and its outcome, in the claiming transaction, which {@link #RUN} made the cause of the
     * events the change appends.
     */
    private Uni<Void> attempt(Mutiny.Session session, Claimed action, OffsetDateTime now) {
        ActionType type = catalog.find(action.type())
                .orElseThrow(() -> new DomainException(
                        ProblemType.CONFLICT, "No action of type " + action.type() + " is known to this service"));
        return type.run(action.call())
                .chain(outcome -> session.createNativeQuery("""
                                with done as (
                                    update trigger_action_run
                                    set status = 'succeeded', attempts = attempts + 1, outcome = :outcome,
                                        error = null, next_attempt_at = null, finished_at = :now
                                    where run_id = :run and position = :position
                                ),
                                next as (
                                    update trigger_action_run set status = 'pending', next_attempt_at = :now
                                    where run_id = :run and position = (
                                        select min(position) from trigger_action_run
                                        where run_id = :run and status = 'waiting')
                                )
                                update trigger_run set status = 'succeeded', finished_at = :now
                                where id = :run and not exists (
                                    select 1 from trigger_action_run where run_id = :run and status = 'waiting')
                                """)
                        .setParameter("outcome", abbreviated(outcome))
                        .setParameter("now", now)
                        .setParameter("run", action.runId())
                        .setParameter("position", action.position())
                        .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * Records a failed attempt, in one statement of its own (the attempt's transaction rolled back): due again
     * after the schedule's next delay, or failed for good, its run failed and the run's later actions skipped.
     */
    private Uni<Void> failed(Claimed action, Throwable failure, OffsetDateTime now) {
        List<Duration> schedule = config.retrySchedule();
        boolean permanent = ActionCatalog.isPermanent(failure) || action.attempts() >= schedule.size();
        String error = failure instanceof DomainException refused
                ? refused.getMessage()
                : "the action could not be completed; it is retried";
        if (!(failure instanceof DomainException)) {
            LOG.warnf(failure, "Action %s of run %s failed", action.position(), action.runId());
        }
        OffsetDateTime next = permanent ? null : now.plus(schedule.get(action.attempts()));
        return statements
                .execute(
                        """
                        with attempt as (
                            update trigger_action_run
                            set attempts = attempts + 1, error = $3, next_attempt_at = cast($4 as timestamptz),
                                status = case when $5 then 'failed' else 'pending' end,
                                finished_at = case when $5 then cast($6 as timestamptz) end
                            where run_id = $1 and position = $2 and status = 'pending'
                            returning status
                        ),
                        later as (
                            update trigger_action_run
                            set status = 'skipped', outcome = 'not run: an earlier action failed', finished_at = $6
                            where run_id = $1 and status = 'waiting' and $5 and exists (select 1 from attempt)
                        )
                        update trigger_run set status = 'failed', finished_at = $6
                        where id = $1 and $5 and exists (select 1 from attempt)
                        """,
                        Tuple.tuple()
                                .addUUID(action.runId())
                                .addInteger(action.position())
                                .addString(abbreviated(error))
                                .addOffsetDateTime(next)
                                .addBoolean(permanent)
                                .addOffsetDateTime(now))
                .replaceWithVoid();
    }

    private JsonNode readTree(String text) {
        try {
            return json.readTree(text);
        } catch (Exception e) {
            return json.createObjectNode();
        }
    }

    private static String abbreviated(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= 500 ? text : text.substring(0, 499) + "…";
    }
}
