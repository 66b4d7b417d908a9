package dev.rapport.automation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.automation.api.TriggerTestRequest;
import dev.rapport.automation.api.TriggerTestResult;
import dev.rapport.automation.api.TriggerTestResult.Step;
import dev.rapport.event.EventService;
import dev.rapport.platform.action.ActionCall;
import dev.rapport.platform.action.ActionCatalog;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.filter.Facts;
import dev.rapport.platform.filter.PredicateFilterCompiler.FactPredicate;
import io.smallrye.mutiny.Uni;

/**
 * A trigger tried on an event (stored, or described) or a customer: whether it listens to the event, which of its
 * conditions hold, and what each action would do for that customer now. Nothing is changed, and neither loops nor
 * the frequency cap are considered: they depend on the firings that really happen.
 */
@ApplicationScoped
class TriggerDryRun {

    private final TriggerQueries queries;
    private final TriggerConditions conditions;
    private final ActionCatalog actions;
    private final EventService events;
    private final Clock clock;

    TriggerDryRun(
            TriggerQueries queries,
            TriggerConditions conditions,
            ActionCatalog actions,
            EventService events,
            Clock clock) {
        this.queries = queries;
        this.conditions = conditions;
        this.actions = actions;
        this.events = events;
        this.clock = clock;
    }

    /** What the trigger is tried on: an event's type and data (both null for a customer alone), and the customer. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Probe(String type, UUID customerId, String data) {}

    Uni<TriggerTestResult> test(Trigger trigger, TriggerTestRequest request) {
        long given = Stream.of(request.eventId(), request.event(), request.customerId())
                .filter(value -> value != null)
                .count();
        if (given != 1) {
            throw DomainException.invalid("eventId", "give exactly one of eventId, event and customerId");
        }
        return probe(request)
                .chain(probe -> factsOf(trigger, probe.customerId()).chain(customer -> {
                    if (Trigger.EVENT.equals(trigger.kind)) {
                        if (probe.type() == null) {
                            return Uni.createFrom()
                                    .item(notFiring("an event trigger is tried on an event", List.of(), List.of()));
                        }
                        boolean listens =
                                Stream.of(trigger.eventTypes).anyMatch(p -> EventTypes.matches(p, probe.type()));
                        if (!listens) {
                            return Uni.createFrom()
                                    .item(notFiring(
                                            "it listens to " + String.join(", ", trigger.eventTypes) + ", not "
                                                    + probe.type(),
                                            List.of(),
                                            List.of()));
                        }
                    }
                    return decide(trigger, probe, customer);
                }));
    }

    private Uni<Probe> probe(TriggerTestRequest request) {
        if (request.eventId() != null) {
            return events.find(request.eventId())
                    .map(event -> new Probe(event.type(), event.customerId(), event.payload()));
        }
        if (request.event() != null) {
            TriggerTestRequest.Event event = request.event();
            if (event.data() != null && !event.data().isNull() && !event.data().isObject()) {
                throw DomainException.invalid("event.data", "must be a JSON object");
            }
            String data = event.data() == null || event.data().isNull()
                    ? null
                    : event.data().toString();
            return Uni.createFrom().item(new Probe(event.type(), event.customerId(), data));
        }
        return Uni.createFrom().item(new Probe(null, request.customerId(), null));
    }

    /** The customer's facts, or not-found for a customer the trigger may not act on; null without a customer. */
    private Uni<Facts> factsOf(Trigger trigger, UUID customerId) {
        if (customerId == null) {
            return Uni.createFrom().nullItem();
        }
        return queries.facts(List.of(customerId), clock.instant()).map(found -> {
            if (found.isEmpty()
                    || (trigger.partnerId != null
                            && !trigger.partnerId.equals(found.get(0).subject().partnerId()))) {
                throw DomainException.notFound("customer", customerId);
            }
            return found.get(0).facts();
        });
    }

    private Uni<TriggerTestResult> decide(Trigger trigger, Probe probe, Facts customer) {
        List<String> held = List.of();
        List<String> failed = List.of();
        if (trigger.condition != null) {
            FactPredicate predicate = conditions.compile(trigger.condition, clock.instant());
            Facts facts = TriggerConditions.facts(customer, probe.type(), probe.data());
            held = predicate.conditionsThatAre(true, facts);
            failed = predicate.conditionsThatAre(false, facts);
            if (!predicate.test(facts)) {
                return Uni.createFrom().item(notFiring("the condition does not hold", held, failed));
            }
        }
        List<Uni<Step>> steps = new ArrayList<>();
        for (int i = 0; i < trigger.actions.items().size(); i++) {
            TriggerRecords.Action action = trigger.actions.items().get(i);
            ActionCall call = new ActionCall(
                    null,
                    trigger.id,
                    i,
                    trigger.firedCount + 1,
                    probe.customerId(),
                    trigger.partnerId,
                    action.settings(),
                    probe.type(),
                    data(probe.data()));
            steps.add(actions.find(action.type())
                    .map(type -> Uni.createFrom().deferred(() -> type.preview(call)))
                    .orElseGet(() -> Uni.createFrom().item("could not: no such action type"))
                    .onFailure()
                    .recoverWithItem(failure -> "could not: " + reason(failure))
                    .map(wouldDo -> new Step(action.type(), wouldDo)));
        }
        List<String> conditionsHeld = held;
        List<String> conditionsFailed = failed;
        return Uni.join()
                .all(steps)
                .andFailFast()
                .map(done -> new TriggerTestResult(true, null, conditionsHeld, conditionsFailed, done));
    }

    private static TriggerTestResult notFiring(String reason, List<String> held, List<String> failed) {
        return new TriggerTestResult(false, reason, held, failed, List.of());
    }

    private static String reason(Throwable failure) {
        return failure instanceof DomainException refused ? refused.getMessage() : "it would fail";
    }

    /** The probe's event data as JSON, or null. */
    private static JsonNode data(String data) {
        if (data == null) {
            return null;
        }
        try {
            return JSON.readTree(data);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
