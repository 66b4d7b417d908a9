package dev.rapport.automation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.automation.AutomationFirings.Firing;
import dev.rapport.automation.TriggerQueries.CustomerFacts;
import dev.rapport.platform.config.RapportConfig;
import dev.rapport.platform.db.Background;
import dev.rapport.platform.db.Ids;
import dev.rapport.platform.filter.Facts;
import dev.rapport.platform.filter.PredicateFilterCompiler.FactPredicate;
import dev.rapport.platform.time.Clocks;
import dev.rapport.segment.SegmentService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Fires date and schedule triggers: every {@code rapport.automations.sweep-interval}, each enabled one looks at the
 * time since it last looked ({@code swept_until}) and fires for every customer whose date came round in it
 * ({@link TriggerDates}), or, when its cron schedule came due in it ({@link TriggerSchedules}), for every member of
 * its segment (once for the latest due time when several passed), in one transaction that holds the trigger's row ({@code SKIP LOCKED}: one replica sweeps a
 * trigger at a time) and moves {@code swept_until} on. Each customer and anniversary fires once, whatever restarts
 * and replicas do; occurrences missed while the service was down fire when it is back. A date fires once per
 * customer and anniversary, a schedule once per member and due time.
 */
@ApplicationScoped
public class AutomationCalendar {

    private static final int MEMBERS_PER_PAGE = 1000;

    private final TriggerQueries queries;
    private final TriggerConditions conditions;
    private final AutomationFirings firings;
    private final Clock clock;
    private final RapportConfig.Automations config;
    private final SegmentService segments;
    private final Vertx vertx;

    AutomationCalendar(
            TriggerQueries queries,
            TriggerConditions conditions,
            AutomationFirings firings,
            Clock clock,
            RapportConfig config,
            SegmentService segments,
            Vertx vertx) {
        this.segments = segments;
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
        return queries.enabled(Trigger.DATE, Trigger.SCHEDULE)
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
        return Trigger.SCHEDULE.equals(trigger.kind) ? fireSchedule(trigger, from, now) : fireDates(trigger, from, now);
    }

    /** A schedule that came due fires once for each member of its segment, as the member's facts are now. */
    private Uni<Integer> fireSchedule(Trigger trigger, Instant from, OffsetDateTime now) {
        Optional<Instant> due =
                TriggerSchedules.lastDue(trigger.cron, ZoneId.of(trigger.timeZone), from, now.toInstant());
        return due.isEmpty() ? Uni.createFrom().item(0) : fireForMembers(trigger, due.get(), null, now, 0);
    }

    /** The members after {@code after}, a page at a time, until there are no more. */
    private Uni<Integer> fireForMembers(Trigger trigger, Instant due, UUID after, OffsetDateTime now, int fired) {
        return segments.memberIds(trigger.segmentId, after, MEMBERS_PER_PAGE).chain(ids -> {
            if (ids.isEmpty()) {
                return Uni.createFrom().item(fired);
            }
            return queries.facts(ids, now.toInstant())
                    .map(customers -> decide(trigger, customers, customer -> due.toString()))
                    .chain(decided -> firings.record(decided, Map.of(trigger.id, trigger), now))
                    .chain(count -> ids.size() < MEMBERS_PER_PAGE
                            ? Uni.createFrom().item(fired + count)
                            : fireForMembers(trigger, due, ids.get(ids.size() - 1), now, fired + count));
        });
    }

    /** A customer date that came round fires for each customer it came round for. */
    private Uni<Integer> fireDates(Trigger trigger, Instant from, OffsetDateTime now) {
        Instant to = now.toInstant();
        return queries.customersOn(
                        trigger.dateField, TriggerDates.monthDays(from, to, trigger.offsetDays), trigger.partnerId)
                .chain(ids -> queries.facts(ids, to))
                .map(customers -> decide(trigger, customers, customer -> occurrence(trigger, customer, from, to)))
                .chain(decided -> firings.record(decided, Map.of(trigger.id, trigger), now));
    }

    /** What a customer's date fires for in (from, to]: the anniversary's date; null when it fires for none. */
    private String occurrence(Trigger trigger, CustomerFacts customer, Instant from, Instant to) {
        ZoneId fallback = TriggerDates.zone(config.defaultTimeZone(), ZoneOffset.UTC);
        ZoneId zone = TriggerDates.zone(customer.facts().get("timeZone"), fallback);
        LocalDate date = dateOf(trigger.dateField, customer.facts(), zone);
        if (date == null) {
            return null;
        }
        return TriggerDates.between(date, trigger.offsetDays, trigger.localTime, zone, from, to)
                .map(occurrence -> occurrence.anniversary().toString())
                .orElse(null);
    }

    /**
     * The firings for customers whose {@code occurrence} (what it fires for besides the customer; null: nothing)
     * there is, who belong to the trigger's partner, and whose facts meet its condition.
     */
    private List<Firing> decide(
            Trigger trigger, List<CustomerFacts> customers, Function<CustomerFacts, String> occurrenceOf) {
        FactPredicate predicate =
                trigger.condition == null ? null : conditions.compile(trigger.condition, clock.instant());
        List<Firing> decided = new ArrayList<>();
        for (CustomerFacts customer : customers) {
            if (!customer.subject().live()
                    || (trigger.partnerId != null
                            && !trigger.partnerId.equals(customer.subject().partnerId()))) {
                continue;
            }
            String occurrence = occurrenceOf.apply(customer);
            if (occurrence == null) {
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
                    id + "/" + occurrence,
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
