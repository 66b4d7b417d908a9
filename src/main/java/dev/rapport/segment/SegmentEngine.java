package dev.rapport.segment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.event.EventConsumer;
import dev.rapport.event.StoredEvent;
import dev.rapport.platform.config.RapportConfig;
import dev.rapport.platform.filter.FactCatalog;
import dev.rapport.platform.filter.Facts;
import dev.rapport.platform.filter.PredicateFilterCompiler.FactPredicate;
import dev.rapport.platform.time.Clocks;
import dev.rapport.segment.SegmentMembership.Change;
import dev.rapport.segment.SegmentQueries.Membership;
import dev.rapport.segment.SegmentQueries.RuleRow;
import dev.rapport.segment.api.SegmentReason;
import io.smallrye.mutiny.Uni;

/**
 * Keeps membership current as customers change: a consumer of the event log that re-evaluates, after each batch of
 * events, every customer they concern against every ready dynamic segment, with the in-memory predicate over the
 * customer's facts (one query for the facts of the whole batch, one for their memberships). Events of one customer
 * in a batch coalesce into one evaluation, whose reason names the last of them. A deleted customer leaves every
 * segment, static ones too.
 *
 * <p>An event concerns a customer when its subject is that customer, or when its data carries {@code customerId}
 * (the events of later domains: a ticket's, a loyalty account's). Segment and trigger events concern no one. A
 * change of membership carries the trigger run behind the event that caused it, so that automations see the chain.
 */
@ApplicationScoped
public class SegmentEngine implements EventConsumer {

    static final String CONSUMER = "segments";

    private final SegmentQueries queries;
    private final SegmentMembership membership;
    private final FactCatalog facts;
    private final Clock clock;
    private final RapportConfig.Segments config;

    SegmentEngine(
            SegmentQueries queries,
            SegmentMembership membership,
            FactCatalog facts,
            Clock clock,
            RapportConfig config) {
        this.queries = queries;
        this.membership = membership;
        this.facts = facts;
        this.clock = clock;
        this.config = config.segments();
    }

    @Override
    public String name() {
        return CONSUMER;
    }

    @Override
    public boolean enabled() {
        return config.enabled();
    }

    @Override
    public Uni<Void> handle(List<StoredEvent> batch) {
        Map<UUID, StoredEvent> lastEvent = new LinkedHashMap<>();
        for (StoredEvent event : batch) {
            UUID customer = customerOf(event);
            if (customer != null) {
                lastEvent.remove(customer);
                lastEvent.put(customer, event);
            }
        }
        if (lastEvent.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<UUID> customers = List.copyOf(lastEvent.keySet());
        Instant now = clock.instant();
        // Rules and memberships first: with no dynamic rule and no membership among these customers (a service
        // without segments), there is nothing to decide and their facts are not read.
        return queries.readyRules()
                .chain(rules -> queries.memberships(customers).chain(memberships -> {
                    if (rules.isEmpty() && memberships.isEmpty()) {
                        return Uni.createFrom().item(List.<Change>of());
                    }
                    return queries.facts(customers, now).map(loaded -> {
                        List<Change> changes = new ArrayList<>();
                        Set<Membership> members = new HashSet<>(memberships);
                        Map<UUID, FactPredicate> predicates = compile(rules, now);
                        for (SegmentQueries.CustomerFacts customer : loaded) {
                            decide(
                                    customer,
                                    lastEvent.get(customer.subject().id()),
                                    rules,
                                    predicates,
                                    members,
                                    changes);
                        }
                        return changes;
                    });
                }))
                .chain(changes -> membership.apply(changes, Clocks.now(clock)));
    }

    /** A rule compiled for a rule version; one without relative times compiles the same at any time. */
    private record Compiled(int ruleVersion, boolean relative, FactPredicate predicate) {}

    private final Map<UUID, Compiled> compiled = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The predicate of every rule: compiled again only for a new rule version, or for each batch when the rule
     * compares times relative to now.
     */
    private Map<UUID, FactPredicate> compile(List<RuleRow> rules, Instant now) {
        Map<UUID, FactPredicate> predicates = new LinkedHashMap<>();
        for (RuleRow rule : rules) {
            if (rule.rule() == null) {
                continue;
            }
            Compiled known = compiled.get(rule.id());
            if (known == null || known.ruleVersion() != rule.ruleVersion() || known.relative()) {
                FactPredicate predicate = facts.predicate(SegmentRules.parse(rule.rule()), now);
                known = new Compiled(rule.ruleVersion(), predicate.relative(), predicate);
                compiled.put(rule.id(), known);
            }
            predicates.put(rule.id(), known.predicate());
        }
        compiled.keySet().retainAll(predicates.keySet());
        return predicates;
    }

    /** The changes one customer's facts make: for each dynamic segment, and for every segment when deleted. */
    private static void decide(
            SegmentQueries.CustomerFacts customer,
            StoredEvent cause,
            List<RuleRow> rules,
            Map<UUID, FactPredicate> predicates,
            Set<Membership> members,
            List<Change> changes) {
        UUID id = customer.subject().id();
        boolean live = customer.subject().live();
        Set<UUID> decided = new HashSet<>();
        for (RuleRow rule : rules) {
            FactPredicate predicate = predicates.get(rule.id());
            if (predicate == null) {
                continue;
            }
            decided.add(rule.id());
            boolean member = members.contains(new Membership(rule.id(), id));
            boolean visible = rule.partnerId() == null
                    || rule.partnerId().equals(customer.subject().partnerId());
            Facts values = customer.facts();
            boolean belongs = live && visible && predicate.test(values);
            if (belongs == member) {
                continue;
            }
            SegmentReason reason = live && visible
                    ? new SegmentReason("event", cause.id(), cause.type(), predicate.conditionsThatAre(belongs, values))
                    : new SegmentReason("deleted", cause.id(), cause.type(), List.of());
            changes.add(new Change(
                    rule.id(),
                    rule.name(),
                    rule.ruleVersion(),
                    rule.partnerId(),
                    id,
                    belongs ? Change.ENTERED : Change.EXITED,
                    reason,
                    cause.causedBy()));
        }
        if (!live) {
            for (Membership key : members) {
                if (key.customerId().equals(id) && !decided.contains(key.segmentId())) {
                    changes.add(new Change(
                            key.segmentId(),
                            key.segmentName(),
                            key.ruleVersion(),
                            key.partnerId(),
                            id,
                            Change.EXITED,
                            new SegmentReason("deleted", cause.id(), cause.type(), List.of()),
                            cause.causedBy()));
                }
            }
        }
    }

    /** The customer an event concerns, or null: the events of segments and triggers concern none. */
    private static UUID customerOf(StoredEvent event) {
        if (event.type().startsWith("segment.") || event.type().startsWith("trigger.")) {
            return null;
        }
        return event.customerId();
    }
}
