package dev.rapport.automation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.automation.AutomationFirings.Firing;
import dev.rapport.automation.TriggerQueries.Cause;
import dev.rapport.automation.TriggerQueries.CustomerFacts;
import dev.rapport.event.EventConsumer;
import dev.rapport.event.StoredEvent;
import dev.rapport.platform.config.RapportConfig;
import dev.rapport.platform.db.Ids;
import dev.rapport.platform.filter.Facts;
import dev.rapport.platform.filter.PredicateFilterCompiler.FactPredicate;
import dev.rapport.platform.time.Clocks;
import io.smallrye.mutiny.Uni;

/**
 * Fires event triggers: a consumer of the event log that matches each batch of events against every enabled event
 * trigger (type patterns, the trigger's partner, events after its creation), tests their conditions over the event
 * and the customer's facts (one query for the facts of the batch), and records the firings in the consumer's
 * transaction, so each event fires each trigger once, whatever restarts and replicas do.
 *
 * <p>Loop protection: an event made by an action carries its run ({@link StoredEvent#causedBy}), and so do the
 * segment changes it causes. A trigger already in the chain of firings that led to the event does not fire again
 * (skipped: {@code loop}); a chain of {@code rapport.automations.max-chain-length} firings fires no more
 * ({@code depth}). A trigger ignores its own {@code trigger.fired} without a record.
 */
@ApplicationScoped
public class AutomationEngine implements EventConsumer {

    static final String CONSUMER = "automations";

    private final TriggerQueries queries;
    private final TriggerConditions conditions;
    private final AutomationFirings firings;
    private final Clock clock;
    private final RapportConfig.Automations config;

    AutomationEngine(
            TriggerQueries queries,
            TriggerConditions conditions,
            AutomationFirings firings,
            Clock clock,
            RapportConfig config) {
        this.queries = queries;
        this.conditions = conditions;
        this.firings = firings;
        this.clock = clock;
        this.config = config.automations();
    }

    @Override
    public String name() {
        return CONSUMER;
    }

    @Override
    public boolean enabled() {
        return config.enabled();
    }

    /** An event and a trigger it may fire. */
    private record Match(StoredEvent event, Trigger trigger, UUID customerId) {}

    @Override
    public Uni<Void> handle(List<StoredEvent> batch) {
        return queries.enabled(Trigger.EVENT).chain(triggers -> {
            List<Match> matches = new ArrayList<>();
            for (StoredEvent event : batch) {
                for (Trigger trigger : triggers) {
                    if (matches(trigger, event)) {
                        matches.add(new Match(event, trigger, event.customerId()));
                    }
                }
            }
            if (matches.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            Instant now = clock.instant();
            List<UUID> customers = matches.stream()
                    .filter(m -> m.trigger().condition != null)
                    .map(Match::customerId)
                    .filter(Objects::nonNull)
                    .distinct()
                    .toList();
            List<UUID> causes = matches.stream()
                    .map(m -> m.event().causedBy())
                    .filter(Objects::nonNull)
                    .distinct()
                    .toList();
            return queries.facts(customers, now)
                    .chain(facts -> queries.causes(causes).map(runs -> decide(matches, facts, runs, now)))
                    .chain(decided -> firings.record(decided, byId(triggers), Clocks.now(clock)))
                    .replaceWithVoid();
        });
    }

    /** Whether {@code event} is one {@code trigger} listens to, and may see. */
    static boolean matches(Trigger trigger, StoredEvent event) {
        if (trigger.partnerId != null && !trigger.partnerId.equals(event.partnerId())) {
            return false;
        }
        if (event.occurredAt().isBefore(trigger.createdAt)) {
            return false;
        }
        if (TriggerEvent.FIRED.equals(event.type()) && trigger.id.equals(event.subjectId())) {
            return false;
        }
        for (String pattern : trigger.eventTypes) {
            if (EventTypes.matches(pattern, event.type())) {
                return true;
            }
        }
        return false;
    }

    private List<Firing> decide(List<Match> matches, List<CustomerFacts> loaded, Map<UUID, Cause> causes, Instant now) {
        Map<UUID, Facts> factsOf = new HashMap<>();
        loaded.forEach(customer -> factsOf.put(customer.subject().id(), customer.facts()));
        List<Firing> decided = new ArrayList<>();
        for (Match match : matches) {
            Trigger trigger = match.trigger();
            StoredEvent event = match.event();
            List<String> held = List.of();
            if (trigger.condition != null) {
                FactPredicate predicate = predicate(trigger, now);
                Facts facts = TriggerConditions.facts(factsOf.get(match.customerId()), event.type(), event.payload());
                if (!predicate.test(facts)) {
                    continue;
                }
                held = predicate.conditionsThatAre(true, facts);
            }
            Cause cause = event.causedBy() == null ? null : causes.get(event.causedBy());
            List<UUID> chain = new ArrayList<>(cause == null ? List.of() : cause.chain());
            int depth = cause == null ? 0 : cause.depth() + 1;
            String skip = null;
            if (chain.contains(trigger.id)) {
                skip = "loop";
            } else if (depth >= config.maxChainLength()) {
                skip = "depth";
            }
            chain.add(trigger.id);
            decided.add(new Firing(
                    Ids.newId(),
                    trigger.id,
                    trigger.name,
                    trigger.partnerId,
                    event.id().toString(),
                    event.id(),
                    event.type(),
                    match.customerId(),
                    depth,
                    chain,
                    skip == null ? AutomationFirings.RUNNING : AutomationFirings.SKIPPED,
                    skip,
                    held,
                    AutomationWebhookAction.payloadOf(trigger.actions),
                    null));
        }
        return decided;
    }

    /** A condition compiled for a trigger version; one without relative times compiles the same at any time. */
    private record Compiled(long version, FactPredicate predicate) {}

    private final Map<UUID, Compiled> compiled = new ConcurrentHashMap<>();

    private FactPredicate predicate(Trigger trigger, Instant now) {
        Compiled known = compiled.get(trigger.id);
        if (known == null
                || known.version() != trigger.version
                || known.predicate().relative()) {
            known = new Compiled(trigger.version, conditions.compile(trigger.condition, now));
            compiled.put(trigger.id, known);
        }
        return known.predicate();
    }

    private static Map<UUID, Trigger> byId(List<Trigger> triggers) {
        Map<UUID, Trigger> byId = new HashMap<>();
        triggers.forEach(trigger -> byId.put(trigger.id, trigger));
        return byId;
    }
}
