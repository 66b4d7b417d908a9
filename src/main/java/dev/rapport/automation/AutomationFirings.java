package dev.rapport.automation;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.automation.TriggerQueries.CapKey;
import dev.rapport.event.EventLog;
import dev.rapport.platform.db.AfterWork;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;

/**
 * Records firings in the current transaction: each run once per trigger and occurrence (a repeat is dropped, which
 * is what makes a replayed event or a repeated sweep fire nothing twice), its actions (the first pending, the rest
 * waiting their turn), the trigger's firing count, and {@code trigger.fired} for each run that fires. A webhook
 * action is done with the firing (the event is its delivery), and a run of webhook actions alone is done at once. A
 * skipped firing is recorded with its reason and no actions. Once the transaction has committed, the action runner is woken.
 */
@ApplicationScoped
class AutomationFirings {

    static final String RUNNING = "running";
    static final String SKIPPED = "skipped";

    /** One firing, or one skipped; the statements read it as JSON, the event's payload included. */
    @RegisterForReflection
    record Firing(
            UUID runId,
            UUID triggerId,
            String triggerName,
            String partnerId,
            String occurrence,
            UUID eventId,
            String eventType,
            UUID customerId,
            int depth,
            List<UUID> chain,
            String status,
            String skipReason,
            List<String> conditions,
            @JsonIgnore JsonNode webhookPayload,
            Long sequence) {

        Firing withSequence(long sequence) {
            return with(status, skipReason, sequence);
        }

        Firing skipped(String reason) {
            return with(SKIPPED, reason, null);
        }

        private Firing with(String status, String skipReason, Long sequence) {
            return new Firing(
                    runId,
                    triggerId,
                    triggerName,
                    partnerId,
                    occurrence,
                    eventId,
                    eventType,
                    customerId,
                    depth,
                    chain,
                    status,
                    skipReason,
                    conditions,
                    webhookPayload,
                    sequence);
        }

        boolean fires() {
            return RUNNING.equals(status);
        }

        @JsonProperty("payload")
        TriggerEvent.Fired payload() {
            return new TriggerEvent.Fired(
                    triggerId,
                    triggerName,
                    runId,
                    customerId,
                    eventId,
                    eventType,
                    occurrence,
                    depth,
                    conditions,
                    webhookPayload);
        }
    }

    private static final String RECORD = """
            with x as (
                select * from jsonb_to_recordset(cast(cast(:runs as text) as jsonb)) as x(
                    "runId" uuid, "triggerId" uuid, occurrence text, sequence bigint, "eventId" uuid,
                    "eventType" text, "customerId" uuid, "partnerId" text, status text, "skipReason" text,
                    depth int, chain uuid[], conditions jsonb)
            ),
            ins as (
                insert into trigger_run (id, trigger_id, occurrence, sequence, event_id, event_type, customer_id,
                                         partner_id, status, skip_reason, depth, chain, conditions, fired_at,
                                         finished_at)
                select "runId", "triggerId", occurrence, sequence, "eventId", "eventType", "customerId",
                       "partnerId", case when done then 'succeeded' else status end, "skipReason", depth, chain,
                       conditions, :now, case when status = 'skipped' or done then cast(:now as timestamptz) end
                from (select x.*, x.status = 'running' and not exists (
                          select 1 from automation_trigger t, jsonb_array_elements(t.actions -> 'items') a
                          where t.id = x."triggerId" and a ->> 'type' <> 'webhook') as done
                      from x where exists (select 1 from automation_trigger t where t.id = x."triggerId")) x
                on conflict on constraint trigger_run_once do nothing
                returning id, trigger_id, status
            ),
            actions as (
                insert into trigger_action_run (run_id, position, type, settings, status, next_attempt_at, attempts,
                                                outcome, finished_at)
                select run_id, position, type, settings,
                       case when type = 'webhook' then 'succeeded' when position = first then 'pending'
                            else 'waiting' end,
                       case when type <> 'webhook' and position = first then cast(:now as timestamptz) end,
                       case when type = 'webhook' then 1 else 0 end,
                       case when type = 'webhook' then cast(:delivered as text) end,
                       case when type = 'webhook' then cast(:now as timestamptz) end
                from (select ins.id as run_id, cast(a.position - 1 as int) as position, a.action ->> 'type' as type,
                             coalesce(a.action -> 'settings', '{}') as settings,
                             min(a.position - 1) filter (where a.action ->> 'type' <> 'webhook')
                                 over (partition by ins.id) as first
                      from ins join automation_trigger t on t.id = ins.trigger_id
                      cross join lateral jsonb_array_elements(t.actions -> 'items')
                          with ordinality as a(action, position)
                      where ins.status <> 'skipped') p
            )
            select cast(id as text) from ins where status <> 'skipped'
            """;

    private static final String EVENTS = """
            select 'trigger.fired' as type, 'trigger' as subject_type, x."triggerId" as subject_id,
                   x."partnerId" as partner_id, x.payload, x."runId" as caused_by
            from jsonb_to_recordset(cast(cast(:runs as text) as jsonb))
                as x("runId" uuid, "triggerId" uuid, "partnerId" text, payload jsonb)
            where x."runId" = any(:fired)
            """;

    private final TriggerQueries queries;
    private final ObjectMapper json;
    private final EventLog events;
    private final AfterWork afterWork;
    private final AutomationActions actions;

    AutomationFirings(
            TriggerQueries queries,
            ObjectMapper json,
            EventLog events,
            AfterWork afterWork,
            AutomationActions actions) {
        this.queries = queries;
        this.json = json;
        this.events = events;
        this.afterWork = afterWork;
        this.actions = actions;
    }

    /**
     * Records {@code firings} of {@code triggers} at {@code now}, those beyond a trigger's frequency cap for their
     * customer as skipped ({@code frequencyCap}); answers how many fired (repeats and skips aside).
     */
    Uni<Integer> record(List<Firing> firings, Map<UUID, Trigger> triggers, OffsetDateTime now) {
        return capped(firings, triggers, now).chain(capped -> record(capped, now));
    }

    private Uni<List<Firing>> capped(List<Firing> firings, Map<UUID, Trigger> triggers, OffsetDateTime now) {
        Map<Firing, CapKey> keys = new HashMap<>();
        for (Firing firing : firings) {
            Trigger trigger = triggers.get(firing.triggerId());
            if (firing.fires() && firing.customerId() != null && trigger != null && trigger.capCount != null) {
                OffsetDateTime since = now.minus(Duration.parse(trigger.capPeriod));
                keys.put(firing, new CapKey(trigger.id, firing.customerId(), since));
            }
        }
        if (keys.isEmpty()) {
            return Uni.createFrom().item(firings);
        }
        return queries.firings(keys.values().stream().distinct().toList()).map(counts -> {
            Map<CapKey, Integer> fired = new HashMap<>(counts);
            List<Firing> capped = new ArrayList<>(firings.size());
            for (Firing firing : firings) {
                CapKey key = keys.get(firing);
                if (key == null) {
                    capped.add(firing);
                    continue;
                }
                int before = fired.getOrDefault(key, 0);
                if (before >= triggers.get(firing.triggerId()).capCount) {
                    capped.add(firing.skipped("frequencyCap"));
                } else {
                    fired.put(key, before + 1);
                    capped.add(firing);
                }
            }
            return capped;
        });
    }

    private Uni<Integer> record(List<Firing> firings, OffsetDateTime now) {
        if (firings.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Map<UUID, Integer> firing = new LinkedHashMap<>();
        firings.stream().filter(Firing::fires).forEach(f -> firing.merge(f.triggerId(), 1, Integer::sum));
        return Panache.getSession()
                .chain(session -> lockTriggers(session, firings)
                        .chain(() -> counts(session, firing))
                        .chain(counts -> {
                            List<Firing> numbered = number(firings, counts, firing);
                            String rows;
                            try {
                                rows = json.writeValueAsString(numbered);
                            } catch (JsonProcessingException e) {
                                return Uni.createFrom().failure(e);
                            }
                            return session.createNativeQuery(RECORD, String.class)
                                    .setParameter("runs", rows)
                                    .setParameter("now", now)
                                    .setParameter("delivered", AutomationWebhookAction.DELIVERED)
                                    .getResultList()
                                    .chain(fired -> {
                                        if (fired.isEmpty()) {
                                            return Uni.createFrom().item(0);
                                        }
                                        afterWork.add(actions::wake);
                                        UUID[] ids = fired.stream()
                                                .map(UUID::fromString)
                                                .toArray(UUID[]::new);
                                        return events.appendSelected(EVENTS, Map.of("runs", rows, "fired", ids))
                                                .replaceWith(fired.size());
                                    });
                        }));
    }

    /**
     * A key-share lock on each trigger row, as a foreign key would take: a trigger deleted meanwhile is gone before
     * the runs are written (and they are dropped), or is deleted after this transaction ends.
     */
    private static Uni<Void> lockTriggers(Mutiny.Session session, List<Firing> firings) {
        UUID[] ids = firings.stream().map(Firing::triggerId).distinct().sorted().toArray(UUID[]::new);
        return session.createNativeQuery(
                        "select cast(id as text) from automation_trigger where id = any(:ids) order by id for key share",
                        String.class)
                .setParameter("ids", ids)
                .getResultList()
                .replaceWithVoid();
    }

    /** Each firing trigger's count after this batch's firings. */
    private static Uni<Map<UUID, Long>> counts(Mutiny.Session session, Map<UUID, Integer> firing) {
        if (firing.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return session.createNativeQuery("""
                        update automation_trigger t set fired_count = t.fired_count + d.n
                        from unnest(cast(:ids as uuid[]), cast(:ns as int[])) as d(id, n)
                        where t.id = d.id
                        returning cast(t.id as text) || ' ' || t.fired_count
                        """, String.class)
                .setParameter("ids", firing.keySet().toArray(UUID[]::new))
                .setParameter("ns", firing.values().toArray(Integer[]::new))
                .getResultList()
                .map(rows -> {
                    Map<UUID, Long> counts = new HashMap<>();
                    for (String row : rows) {
                        int space = row.indexOf(' ');
                        counts.put(UUID.fromString(row.substring(0, space)), Long.parseLong(row.substring(space + 1)));
                    }
                    return counts;
                });
    }

    /** The firings with their numbers: a trigger's n firings of this batch end at its new count. */
    private static List<Firing> number(List<Firing> firings, Map<UUID, Long> counts, Map<UUID, Integer> firing) {
        Map<UUID, Long> next = new HashMap<>();
        counts.forEach((trigger, count) -> next.put(trigger, count - firing.get(trigger) + 1));
        List<Firing> numbered = new ArrayList<>(firings.size());
        for (Firing f : firings) {
            Long sequence = f.fires() ? next.computeIfPresent(f.triggerId(), (t, n) -> n + 1) : null;
            numbered.add(sequence == null ? f : f.withSequence(sequence - 1));
        }
        return numbered;
    }
}
