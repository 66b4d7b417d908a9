package dev.rapport.segment;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import cz.jirutka.rsql.parser.ast.Node;
import dev.rapport.event.EventLog;
import dev.rapport.platform.config.RapportConfig;
import dev.rapport.platform.db.Background;
import dev.rapport.platform.db.PooledStatements;
import dev.rapport.platform.filter.FactCatalog;
import dev.rapport.platform.filter.SqlParams;
import dev.rapport.platform.time.Clocks;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Computes the members of a dynamic segment in full, in SQL: after it is created or its rule changes, and on every
 * sweep for rules whose truth changes with time alone. A segment waiting for this is {@code computing}; one run
 * takes one such segment (its row locked, SKIP LOCKED across replicas) and, in one transaction, finds who enters
 * and who leaves, applies that, records it and appends the events, and marks the segment ready.
 *
 * <p>The run holds the lock of the membership engine's cursor ({@link SegmentEngine}), so the two never decide
 * about the same segment at once; the engine leaves computing segments alone, since the run that follows sees every
 * change committed before it.
 */
@ApplicationScoped
public class SegmentComputation {

    private static final Logger LOG = Logger.getLogger(SegmentComputation.class);
    private static final long BUSY_RETRY_MS = 100;

    private static final String LOCK =
            "select pg_try_advisory_xact_lock(hashtext('consumer_cursor'), hashtext('" + SegmentEngine.CONSUMER + "'))";

    private static final String CLAIM = """
            select cast(id as text), name, rule, rule_version, computed_version, partner_id, announce_initial
            from segment where status = 'computing' and kind = 'dynamic'
            order by updated_at, id limit 1 for update skip locked
            """;

    private final FactCatalog facts;
    private final EventLog events;
    private final PooledStatements statements;
    private final Clock clock;
    private final RapportConfig.Segments config;
    private final Vertx vertx;
    private final Background background;

    SegmentComputation(
            FactCatalog facts,
            EventLog events,
            PooledStatements statements,
            Clock clock,
            RapportConfig config,
            Vertx vertx) {
        this.facts = facts;
        this.events = events;
        this.statements = statements;
        this.clock = clock;
        this.config = config.segments();
        this.vertx = vertx;
        this.background = new Background("segment computation", vertx, this::runOnce);
    }

    void start(@Observes StartupEvent startup) {
        wake();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        background.stop();
    }

    /** Looks for segments to compute now (after a commit that made one computing). */
    public void wake() {
        if (config.enabled()) {
            background.wake();
        }
    }

    @Scheduled(every = "${rapport.events.poll-interval}", delayed = "1s")
    void poll() {
        wake();
    }

    /** Marks every dynamic rule that changes with time alone for computing, then computes them. */
    @Scheduled(
            every = "${rapport.segments.sweep-interval}",
            delayed = "${rapport.segments.sweep-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> sweep() {
        if (!config.enabled()) {
            return Uni.createFrom().voidItem();
        }
        return statements
                .execute(
                        "update segment set status = 'computing' where kind = 'dynamic' and changes_with_time"
                                + " and status = 'ready'",
                        Tuple.tuple())
                .invoke(marked -> wake())
                .replaceWithVoid();
    }

    /** A segment claimed for computing. */
    private record Claimed(
            UUID id,
            String name,
            String rule,
            int ruleVersion,
            Integer computedVersion,
            String partnerId,
            boolean announceInitial) {

        String cause() {
            return computedVersion == null ? "created" : computedVersion < ruleVersion ? "rule" : "sweep";
        }

        boolean announce() {
            return computedVersion != null || announceInitial;
        }
    }

    /** One segment; true when one was computed (and another may wait). */
    private Uni<Boolean> runOnce() {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(LOCK, Boolean.class)
                        .getSingleResult()
                        .chain(locked -> {
                            if (!locked) {
                                vertx.setTimer(BUSY_RETRY_MS, timer -> wake());
                                return Uni.createFrom().item(false);
                            }
                            return session.createNativeQuery(CLAIM, Object[].class)
                                    .getResultList()
                                    .chain(rows -> rows.isEmpty()
                                            ? Uni.createFrom().item(false)
                                            : compute(session, claimed(rows.get(0)))
                                                    .replaceWith(true));
                        })));
    }

    private static Claimed claimed(Object[] row) {
        return new Claimed(
                UUID.fromString((String) row[0]),
                (String) row[1],
                (String) row[2],
                ((Number) row[3]).intValue(),
                row[4] == null ? null : ((Number) row[4]).intValue(),
                (String) row[5],
                (Boolean) row[6]);
    }

    private Uni<Void> compute(Mutiny.Session session, Claimed segment) {
        Instant now = clock.instant();
        OffsetDateTime at = Clocks.now(clock);
        Node rule = SegmentRules.parse(segment.rule());
        long started = System.nanoTime();
        SqlParams params = new SqlParams();
        var diff = session.createNativeQuery(SqlParams.ordinal(diff(segment, rule, params, now)));
        List<Object> values = params.values();
        for (int i = 0; i < values.size(); i++) {
            diff.setParameter(i + 1, values.get(i));
        }
        return session.createNativeQuery("""
                        create temp table segment_diff (customer_id uuid, change text, conditions text[])
                        on commit drop
                        """)
                .executeUpdate()
                .chain(() -> diff.executeUpdate())
                .chain(() -> apply(session, segment, at))
                .invoke(() -> LOG.debugf(
                        "Computed segment %s (version %d, %s) in %d ms",
                        segment.id(),
                        segment.ruleVersion(),
                        segment.cause(),
                        (System.nanoTime() - started) / 1_000_000));
    }

    /** The statement that writes who enters and who leaves, with the conditions that decided, to segment_diff. */
    private String diff(Claimed segment, Node rule, SqlParams params, Instant now) {
        String id = "cast(" + params.bind(segment.id().toString()) + " as uuid)";
        FactCatalog.SqlFilter filter = facts.sql(rule, params, now);
        String scope = segment.partnerId() == null ? "true" : "c.partner_id = " + params.bind(segment.partnerId());
        // The conditions that decided are written only where they are told: in events and history. The first members
        // of a segment that does not announce them need neither, nor the second pass over their customers.
        String decided;
        if (segment.announce()) {
            Map<String, String> conditions = facts.sqlConditions(rule, params, now);
            decided = conditions.entrySet().stream()
                            .map(c -> "case when ((" + c.getValue() + ") is true) = (d.change = 'entered') then cast("
                                    + params.bind(c.getKey()) + " as text) end")
                            .collect(Collectors.joining(
                                    ", ",
                                    "select d.customer_id, d.change, array_remove(array[",
                                    "], null) from diff d join customer c on c.id = d.customer_id "))
                    + filter.joins();
        } else {
            decided = "select d.customer_id, d.change, null from diff d";
        }
        return """
                insert into segment_diff (customer_id, change, conditions)
                with matching as materialized (
                    select c.id from customer c %1$s where c.deleted_at is null and %2$s and %3$s
                ),
                diff as (
                    select m.id as customer_id, 'entered' as change from matching m
                    where not exists (select 1 from segment_member s where s.segment_id = %4$s and s.customer_id = m.id)
                    union all
                    select s.customer_id, 'exited' from segment_member s
                    where s.segment_id = %4$s and not exists (select 1 from matching m where m.id = s.customer_id)
                )
                %5$s
                """.formatted(filter.joins(), scope, filter.condition(), id, decided);
    }

    private Uni<Void> apply(Mutiny.Session session, Claimed segment, OffsetDateTime now) {
        Uni<Integer> entered = session.createNativeQuery("""
                        insert into segment_member (segment_id, customer_id, since)
                        select :segment, customer_id, :now from segment_diff where change = 'entered'
                        order by customer_id
                        """)
                .setParameter("segment", segment.id())
                .setParameter("now", now)
                .executeUpdate();
        Uni<Integer> exited = session.createNativeQuery("""
                        delete from segment_member m using segment_diff d
                        where m.segment_id = :segment and d.change = 'exited' and m.customer_id = d.customer_id
                        """)
                .setParameter("segment", segment.id())
                .executeUpdate();
        String reason = "jsonb_build_object('cause', cast(:cause as text), 'conditions', to_jsonb(d.conditions))";
        Uni<Integer> history = !segment.announce()
                ? Uni.createFrom().item(0)
                : session.createNativeQuery("""
                                insert into segment_change
                                    (id, segment_id, customer_id, change, rule_version, reason, occurred_at)
                                select gen_random_uuid(), :segment, d.customer_id, d.change, :version, %s, :now
                                from segment_diff d
                                """.formatted(reason))
                        .setParameter("segment", segment.id())
                        .setParameter("version", segment.ruleVersion())
                        .setParameter("cause", segment.cause())
                        .setParameter("now", now)
                        .executeUpdate()
                        .chain(() -> events.appendSelected("""
                                select 'segment.' || d.change as type, 'segment' as subject_type,
                                       cast(:segment as uuid) as subject_id, cast(:partner as text) as partner_id,
                                       jsonb_build_object('segmentId', cast(:segment as uuid),
                                                          'segmentName', cast(:name as text),
                                                          'ruleVersion', cast(:version as int),
                                                          'customerId', d.customer_id, 'change', d.change,
                                                          'reason', %s) as payload,
                                       cast(null as uuid) as caused_by
                                from segment_diff d
                                """.formatted(reason), parameters(segment)));
        return entered.chain(() -> exited)
                .chain(() -> history)
                .chain(() -> session.createNativeQuery("""
                                update segment
                                set status = 'ready', computed_version = rule_version, computed_at = :now,
                                    member_count = (select count(*) from segment_member where segment_id = :segment)
                                where id = :segment
                                """)
                        .setParameter("segment", segment.id())
                        .setParameter("now", Clocks.now(clock))
                        .executeUpdate())
                .replaceWithVoid();
    }

    private static Map<String, Object> parameters(Claimed segment) {
        Map<String, Object> parameters = new java.util.HashMap<>();
        parameters.put("segment", segment.id().toString());
        parameters.put("partner", segment.partnerId());
        parameters.put("name", segment.name());
        parameters.put("version", segment.ruleVersion());
        parameters.put("cause", segment.cause());
        return parameters;
    }
}
