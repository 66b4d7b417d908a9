package dev.rapport.automation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.automation.AutomationFirings.Firing;
import dev.rapport.automation.TriggerDates.Occurrence;
import dev.rapport.automation.TriggerQueries.CustomerFacts;
import dev.rapport.platform.config.RapportConfig;
import dev.rapport.platform.db.Background;
import dev.rapport.platform.db.Ids;
import dev.rapport.platform.filter.Facts;
import dev.rapport.platform.filter.PredicateFilterCompiler.FactPredicate;
import dev.rapport.platform.time.Clocks;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Fires date triggers: every {@code rapport.automations.sweep-interval}, each enabled date trigger looks at the time
 * since it last looked ({@code swept_until}) and fires for every customer whose date came round in it
 * ({@link TriggerDates}), in one transaction that holds the trigger's row ({@code SKIP LOCKED}: one replica sweeps a
 * trigger at a time) and moves {@code swept_until} on. Each customer and anniversary fires once, whatever restarts
 * and replicas do; occurrences missed while the service was down fire when it is back.
 */
@ApplicationScoped
public class AutomationCalendar {

    private final TriggerQueries queries;
    private final TriggerConditions conditions;
    private final AutomationFirings firings;
    private final Clock clock;
    private final RapportConfig.Automations config;
    private final Vertx vertx;

    AutomationCalendar(
            TriggerQueries queries,
            TriggerConditions conditions,
            AutomationFirings firings,
            Clock clock,
            RapportConfig config,
            Vertx vertx) {
        this.vertx = vertx;
        this.queries = queries;
        this.conditions = conditions;
        this.firings = firings;
        this.clock = clock;
        this.config = config.automations();
    }

    @Scheduled(
            every = "${rapport.automations.sweep-interval}",
            delayed = "${rapport.automations.sweep-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return sweep().replaceWithVoid();
    }

    /**
     * Sweeps every enabled date trigger up to now, on a Vert.x context of its own (as Hibernate Reactive needs,
     * whoever calls); answers how many fired.
     */
    public Uni<Integer> sweep() {
        if (!config.enabled()) {
            return Uni.createFrom().item(0);
        }
        return Uni.createFrom()
                .emitter(emitter -> Background.detached(vertx, this::sweepAll, emitter::complete, emitter::fail));
    }

    private Uni<Integer> sweepAll() {
        return queries.enabled(Trigger.DATE)
                .chain(triggers -> Multi.createFrom()
                        .iterable(triggers)
                        .onItem()
                        .transformToUniAndConcatenate(this::sweep)
                        .collect()
                        .asList())
                .map(counts -> counts.stream().mapToInt(Integer::intValue).sum());
    }

    private Uni<Integer> sweep(Trigger stored) {
        OffsetDateTime now = Clocks.now(clock);
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                                select swept_until from automation_trigger
                                where id = :id and enabled and version = :version for update skip locked
                                """, OffsetDateTime.class)
                        .setParameter("id", stored.id)
                        .setParameter("version", stored.version)
                        .getResultList()
                        .chain(locked -> {
                            if (locked.isEmpty() || !now.isAfter(locked.get(0))) {
                                return Uni.createFrom().item(0);
                            }
                            Instant from = locked.get(0).toInstant();
                            return fire(stored, from, now)
                                    .call(() -> session.createNativeQuery(
                                                    "update automation_trigger set swept_until = :now where id = :id")
                                            .setParameter("now", now)
                                            .setParameter("id", stored.id)
                                            .executeUpdate());
                        })));
    }

    private Uni<Integer> fire(Trigger trigger, Instant from, OffsetDateTime now) {
        Instant to = now.toInstant();
        return queries.customersOn(
                        trigger.dateField, TriggerDates.monthDays(from, to, trigger.offsetDays), trigger.partnerId)
                .chain(ids -> queries.facts(ids, to))
                .map(customers -> decide(trigger, customers, from, to))
                .chain(decided -> firings.record(decided, Map.of(trigger.id, trigger), now));
    }

    private List<Firing> decide(Trigger trigger, List<CustomerFacts> customers, Instant from, Instant to) {
        ZoneId fallback = TriggerDates.zone(config.defaultTimeZone(), java.time.ZoneOffset.UTC);
        FactPredicate predicate = trigger.condition == null ? null : conditions.compile(trigger.condition, to);
        List<Firing> decided = new ArrayList<>();
        for (CustomerFacts customer : customers) {
            ZoneId zone = TriggerDates.zone(customer.facts().get("timeZone"), fallback);
            LocalDate date = dateOf(trigger.dateField, customer.facts(), zone);
            if (date == null) {
                continue;
            }
            Optional<Occurrence> occurrence =
                    TriggerDates.between(date, trigger.offsetDays, trigger.localTime, zone, from, to);
            if (occurrence.isEmpty()) {
                continue;
            }
            List<String> held = List.of();
            if (predicate != null) {
                Facts facts = TriggerConditions.facts(customer.facts(), null, null);
                if (!predicate.test(facts)) {
                    continue;
                }
                held = predicate.conditionsThatAre(true, facts);
            }
            var id = customer.subject().id();
            decided.add(new Firing(
                    Ids.newId(),
                    trigger.id,
                    trigger.name,
                    trigger.partnerId,
                    id + "/" + occurrence.get().anniversary(),
                    null,
                    null,
                    id,
                    0,
                    List.of(trigger.id),
                    AutomationFirings.RUNNING,
                    null,
                    held,
                    AutomationWebhookAction.payloadOf(trigger.actions),
                    null));
        }
        return decided;
    }

    /** The customer's date the trigger fires on, as a local date; null when it has none. */
    private static LocalDate dateOf(String field, Facts facts, ZoneId zone) {
        if (field.startsWith(TriggerRules.ATTRIBUTES)) {
            Object attributes = facts.get("attributes");
            Object value = attributes instanceof Map<?, ?> map
                    ? map.get(field.substring(TriggerRules.ATTRIBUTES.length()))
                    : null;
            if (!(value instanceof String text) || text.length() < 10) {
                return null;
            }
            try {
                return LocalDate.parse(text.substring(0, 10));
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        Object value = facts.get(field);
        if (value instanceof LocalDate date) {
            return date;
        }
        return value instanceof OffsetDateTime time
                ? time.atZoneSameInstant(zone).toLocalDate()
                : null;
    }
}
