package dev.rapport.automation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;

import dev.rapport.automation.api.TriggerActionRunView;
import dev.rapport.automation.api.TriggerRunView;
import dev.rapport.automation.api.TriggerView;
import dev.rapport.platform.db.JsonColumns;
import dev.rapport.platform.db.PooledStatements;
import dev.rapport.platform.filter.FactCatalog;
import dev.rapport.platform.filter.Facts;
import dev.rapport.platform.filter.SqlParams;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageRequest;
import dev.rapport.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Triggers and their runs as callers and the engine read them: pooled statements. */
@ApplicationScoped
class TriggerQueries {

    private static final String COLUMNS = """
            t.id, t.name, t.description, t.enabled, t.kind, t.event_types, t.date_field, t.offset_days,
            t.local_time, t.condition, cast(t.actions as text), t.cap_count, t.cap_period, t.partner_id,
            t.fired_count, t.swept_until, t.created_at, t.updated_at, t.version, t.cron, t.time_zone,
            t.segment_id""";

    private static final String RUN_COLUMNS = """
            r.id, r.trigger_id, r.status, r.skip_reason, r.occurrence, r.event_id, r.event_type, r.customer_id,
            r.depth, cast(r.conditions as text), r.fired_at, r.finished_at,
            (select cast(coalesce(jsonb_agg(jsonb_build_object(
                        'position', a.position, 'type', a.type, 'status', a.status, 'attempts', a.attempts,
                        'outcome', a.outcome, 'error', a.error, 'nextAttemptAt', a.next_attempt_at,
                        'finishedAt', a.finished_at) order by a.position), '[]') as text)
             from trigger_action_run a where a.run_id = r.id)""";

    /** The firing an event came of: its trigger, its place in its chain and the triggers of the chain. */
    record Cause(UUID runId, UUID triggerId, int depth, List<UUID> chain) {}

    /** The facts of one customer, and who it is. */
    record CustomerFacts(FactCatalog.Subject subject, Facts facts) {}

    /** Firings of a trigger for a customer since a time: what a frequency cap counts. */
    record CapKey(UUID triggerId, UUID customerId, OffsetDateTime since) {}

    private final PooledStatements statements;
    private final FactCatalog facts;
    private final TriggerMapper mapper;
    private final JsonColumns.Reader<TriggerRecords.Actions> actions;
    private final JsonColumns.Reader<List<String>> texts;
    private final JsonColumns.Reader<List<TriggerActionRunView>> actionRuns;

    TriggerQueries(PooledStatements statements, FactCatalog facts, TriggerMapper mapper, JsonColumns json) {
        this.statements = statements;
        this.facts = facts;
        this.mapper = mapper;
        this.actions = json.reader(TriggerRecords.Actions.class);
        this.texts = json.reader(new TypeReference<List<String>>() {});
        this.actionRuns = json.reader(new TypeReference<List<TriggerActionRunView>>() {});
    }

    /** A trigger a caller of {@code scope} may see, or null. */
    Uni<TriggerView> find(UUID id, String scope) {
        return findTrigger(id, scope).map(trigger -> trigger == null ? null : mapper.toView(trigger));
    }

    /** A trigger a caller of {@code scope} may see, as stored, or null. */
    Uni<Trigger> findTrigger(UUID id, String scope) {
        SqlParams params = new SqlParams();
        String sql = "select " + COLUMNS + " from automation_trigger t where t.id = " + params.bind(id) + " and "
                + Caller.scopeCondition(scope, "t.partner_id", params);
        return statements.list(sql, params.tuple(), this::toTrigger).map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    /** One page of the triggers a caller of {@code scope} may see, newest first. */
    Uni<Page<TriggerView>> list(String scope, PageRequest page) {
        SqlParams params = new SqlParams();
        String sql = "select " + COLUMNS + " from automation_trigger t where "
                + Caller.scopeCondition(scope, "t.partner_id", params) + " and " + page.keyset("t.id", params)
                + page.orderAndLimit("t.id");
        return statements
                .list(sql, params.tuple(), row -> mapper.toView(toTrigger(row)))
                .map(rows -> page.page(rows, t -> t.createdAt().toString(), TriggerView::id));
    }

    /** The enabled triggers of some kinds, as the engine and the calendar read them. */
    Uni<List<Trigger>> enabled(String... kinds) {
        return statements.list(
                "select " + COLUMNS + " from automation_trigger t where t.enabled and t.kind = any($1)",
                Tuple.of(kinds),
                this::toTrigger);
    }

    /** The runs behind events, by run id. */
    Uni<Map<UUID, Cause>> causes(List<UUID> runIds) {
        if (runIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return statements
                .list(
                        "select id, trigger_id, depth, chain from trigger_run where id = any($1)",
                        Tuple.of(runIds.toArray(UUID[]::new)),
                        row -> new Cause(
                                row.getUUID(0),
                                row.getUUID(1),
                                row.getInteger(2),
                                Arrays.asList(row.getArrayOfUUIDs(3))))
                .map(rows -> {
                    Map<UUID, Cause> byRun = new HashMap<>();
                    rows.forEach(cause -> byRun.put(cause.runId(), cause));
                    return byRun;
                });
    }

    /** How many times each trigger fired (skips aside) for each customer since each key's time. */
    Uni<Map<CapKey, Integer>> firings(List<CapKey> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return statements
                .list(
                        """
                        select k.t, k.c, k.since, (select count(*) from trigger_run r
                                                   where r.trigger_id = k.t and r.customer_id = k.c
                                                     and r.fired_at > k.since and r.status <> 'skipped')
                        from unnest($1::uuid[], $2::uuid[], $3::timestamptz[]) as k(t, c, since)
                        """,
                        Tuple.of(
                                keys.stream().map(CapKey::triggerId).toArray(UUID[]::new),
                                keys.stream().map(CapKey::customerId).toArray(UUID[]::new),
                                keys.stream().map(CapKey::since).toArray(OffsetDateTime[]::new)),
                        row -> Map.entry(
                                new CapKey(row.getUUID(0), row.getUUID(1), row.getOffsetDateTime(2)),
                                row.getLong(3).intValue()))
                .map(rows -> {
                    Map<CapKey, Integer> counts = new HashMap<>();
                    rows.forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
                    return counts;
                });
    }

    /** The facts of customers, as of {@code now}. */
    Uni<List<CustomerFacts>> facts(List<UUID> customerIds, Instant now) {
        if (customerIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        SqlParams params = new SqlParams();
        String sql = facts.factsQuery(customerIds, params, now);
        return statements.list(
                sql, params.tuple(), row -> new CustomerFacts(FactCatalog.subject(row), facts.facts(row)));
    }

    /**
     * The live customers of {@code partnerId} (null: all) whose date (the fact {@code field}: {@code birthday},
     * {@code createdAt} or {@code attributes.<key>}) falls on one of {@code monthDays} ({@code MM-dd}; empty: any).
     */
    Uni<List<UUID>> customersOn(String field, Set<String> monthDays, String partnerId) {
        SqlParams params = new SqlParams();
        String monthDay;
        if (field.startsWith(TriggerRules.ATTRIBUTES)) {
            String key = params.bind(field.substring(TriggerRules.ATTRIBUTES.length()));
            monthDay = "substr(" + factSql("attributes") + " ->> " + key + ", 6, 5)";
        } else if (TriggerRules.CREATED_AT.equals(field)) {
            monthDay = "to_char(" + factSql(field) + " at time zone 'UTC', 'MM-DD')";
        } else {
            monthDay = "to_char(" + factSql(field) + ", 'MM-DD')";
        }
        String days = monthDays.isEmpty()
                ? "true"
                : monthDay + " = any(" + params.bind(monthDays.toArray(String[]::new)) + ")";
        String sql = "select c.id from customer c where c.deleted_at is null and "
                + Caller.scopeCondition(partnerId, "c.partner_id", params) + " and " + monthDay + " is not null and "
                + days;
        return statements.list(sql, params.tuple(), row -> row.getUUID(0));
    }

    private String factSql(String name) {
        return facts.fields().stream()
                .filter(field -> field.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No customer fact " + name))
                .sql();
    }

    /** One page of a trigger's runs, newest first, of one status or all (null). */
    Uni<Page<TriggerRunView>> runs(UUID triggerId, String status, PageRequest page) {
        SqlParams params = new SqlParams();
        String sql = "select " + RUN_COLUMNS + " from trigger_run r where r.trigger_id = " + params.bind(triggerId)
                + (status == null ? "" : " and r.status = " + params.bind(status)) + " and "
                + page.keyset("r.id", params) + page.orderAndLimit("r.id");
        return statements
                .list(sql, params.tuple(), this::toRun)
                .map(rows -> page.page(rows, r -> r.firedAt().toString(), TriggerRunView::id));
    }

    private TriggerRunView toRun(Row row) {
        return new TriggerRunView(
                row.getUUID(0),
                row.getUUID(1),
                row.getString(2),
                row.getString(3),
                row.getString(4),
                row.getUUID(5),
                row.getString(6),
                row.getUUID(7),
                row.getInteger(8),
                texts.read(row.getString(9)),
                row.getOffsetDateTime(10),
                row.getOffsetDateTime(11),
                actionRuns.read(row.getString(12)));
    }

    /** A trigger as stored, not attached to any session. */
    private Trigger toTrigger(Row row) {
        Trigger trigger = new Trigger();
        trigger.id = row.getUUID(0);
        trigger.name = row.getString(1);
        trigger.description = row.getString(2);
        trigger.enabled = row.getBoolean(3);
        trigger.kind = row.getString(4);
        trigger.eventTypes = row.getArrayOfStrings(5);
        trigger.dateField = row.getString(6);
        trigger.offsetDays = row.getInteger(7);
        trigger.localTime = row.getLocalTime(8);
        trigger.condition = row.getString(9);
        trigger.actions = actions.read(row.getString(10));
        trigger.capCount = row.getInteger(11);
        trigger.capPeriod = row.getString(12);
        trigger.partnerId = row.getString(13);
        trigger.firedCount = row.getLong(14);
        trigger.sweptUntil = row.getOffsetDateTime(15);
        trigger.createdAt = row.getOffsetDateTime(16);
        trigger.updatedAt = row.getOffsetDateTime(17);
        trigger.version = row.getLong(18);
        trigger.cron = row.getString(19);
        trigger.timeZone = row.getString(20);
        trigger.segmentId = row.getUUID(21);
        return trigger;
    }
}
