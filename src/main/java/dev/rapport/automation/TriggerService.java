package dev.rapport.automation;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import dev.rapport.automation.api.CreateTriggerRequest;
import dev.rapport.automation.api.TriggerRunView;
import dev.rapport.automation.api.TriggerTestRequest;
import dev.rapport.automation.api.TriggerTestResult;
import dev.rapport.automation.api.TriggerView;
import dev.rapport.event.EventLog;
import dev.rapport.platform.db.ETags;
import dev.rapport.platform.db.Ids;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.json.MergePatches;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageRequest;
import dev.rapport.platform.paging.Sort;
import dev.rapport.platform.security.Caller;
import dev.rapport.platform.time.Clocks;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Triggers: definitions checked against the facts and the registered actions, their runs, and tests that change
 * nothing. A partner's triggers fire only for its customers and events and are seen only by it. The engines
 * ({@link AutomationEngine}, {@link AutomationCalendar}) fire them; {@link AutomationActions} runs their actions.
 */
@ApplicationScoped
public class TriggerService {

    /** Triggers newest first; runs newest first. */
    static final Sort NEWEST_FIRST =
            new Sort(new Sort.SortField("createdAt", "t.created_at", Sort.Kind.TIMESTAMP), true);

    static final Sort RUNS = new Sort(new Sort.SortField("firedAt", "r.fired_at", Sort.Kind.TIMESTAMP), true);

    private static final List<String> RUN_STATUSES = List.of("running", "succeeded", "failed", "skipped");

    private final TriggerRepository triggers;
    private final TriggerQueries queries;
    private final TriggerMapper mapper;
    private final TriggerRules rules;
    private final TriggerDryRun dryRun;
    private final EventLog events;
    private final MergePatches patches;
    private final Caller caller;
    private final Clock clock;

    TriggerService(
            TriggerRepository triggers,
            TriggerQueries queries,
            TriggerMapper mapper,
            TriggerRules rules,
            TriggerDryRun dryRun,
            EventLog events,
            MergePatches patches,
            Caller caller,
            Clock clock) {
        this.triggers = triggers;
        this.queries = queries;
        this.mapper = mapper;
        this.rules = rules;
        this.dryRun = dryRun;
        this.events = events;
        this.patches = patches;
        this.caller = caller;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<TriggerView> create(CreateTriggerRequest request) {
        patches.validate(request);
        OffsetDateTime now = Clocks.now(clock);
        Trigger trigger = new Trigger();
        trigger.id = Ids.newId();
        trigger.kind = request.kind();
        trigger.createdAt = now;
        trigger.updatedAt = now;
        trigger.sweptUntil = now;
        trigger.partnerId = caller.partnerScope();
        return rules.apply(trigger, request, now.toInstant())
                .chain(() -> triggers.persist(trigger))
                .chain(saved -> {
                    TriggerView view = mapper.toView(saved);
                    return events.append(TriggerEvent.CREATED, TriggerEvent.SUBJECT, saved.id, saved.partnerId, view)
                            .replaceWith(view);
                });
    }

    /** One page of the triggers the caller may see, newest first. */
    public Uni<Page<TriggerView>> list(PageRequest page) {
        return queries.list(caller.partnerScope(), page);
    }

    public Uni<TriggerView> get(UUID id) {
        return queries.find(id, caller.partnerScope()).map(view -> found(view, id));
    }

    /**
     * A merge patch over any field but kind. A date trigger enabled again looks for its dates from then on: the
     * occurrences it missed while disabled do not fire.
     */
    @WithTransaction
    public Uni<TriggerView> update(UUID id, JsonNode patch, String ifMatch) {
        return visible(id)
                .chain(trigger -> {
                    ETags.checkIfMatch(ifMatch, trigger.version);
                    MergePatches.Patched<CreateTriggerRequest> patched =
                            patches.apply(mapper.toRequest(trigger), patch);
                    if (!patched.changed()) {
                        return Uni.createFrom().item(mapper.toView(trigger));
                    }
                    if (!Objects.equals(patched.value().kind(), trigger.kind)) {
                        throw DomainException.invalid("kind", "cannot change; define a new trigger instead");
                    }
                    boolean wasEnabled = trigger.enabled;
                    OffsetDateTime now = Clocks.now(clock);
                    return rules.apply(trigger, patched.value(), now.toInstant())
                            .chain(() -> {
                                if (!wasEnabled && trigger.enabled) {
                                    trigger.sweptUntil = now;
                                }
                                trigger.updatedAt = now;
                                return triggers.flush().chain(() -> {
                                    TriggerView view = mapper.toView(trigger);
                                    return events.append(
                                                    TriggerEvent.UPDATED,
                                                    TriggerEvent.SUBJECT,
                                                    id,
                                                    trigger.partnerId,
                                                    new TriggerEvent.Updated(id, patched.changedFields(), view))
                                            .replaceWith(view);
                                });
                            });
                })
                .onFailure()
                .transform(e -> ETags.whenStale(e, ifMatch));
    }

    /** Deletes a trigger with its runs; actions not yet run are dropped. */
    @WithTransaction
    public Uni<Void> delete(UUID id, String ifMatch) {
        return visible(id)
                .chain(trigger -> {
                    ETags.checkIfMatch(ifMatch, trigger.version);
                    return triggers.deleteRuns(trigger.id)
                            .chain(() -> triggers.delete(trigger))
                            .chain(() -> events.append(
                                    TriggerEvent.DELETED,
                                    TriggerEvent.SUBJECT,
                                    id,
                                    trigger.partnerId,
                                    new TriggerEvent.Deleted(id, trigger.name)));
                })
                .onFailure()
                .transform(e -> ETags.whenStale(e, ifMatch))
                .replaceWithVoid();
    }

    /** One page of a trigger's runs, newest first, of one status (null: all). */
    public Uni<Page<TriggerRunView>> runs(UUID id, String status, PageRequest page) {
        if (status != null && !RUN_STATUSES.contains(status)) {
            throw DomainException.invalid("status", "must be one of " + String.join(", ", RUN_STATUSES));
        }
        return get(id).chain(trigger -> queries.runs(trigger.id(), status, page));
    }

    /** What the trigger would do for an event or a customer, changing nothing. */
    public Uni<TriggerTestResult> test(UUID id, TriggerTestRequest request) {
        patches.validate(request);
        return queries.findTrigger(id, caller.partnerScope())
                .map(trigger -> found(trigger, id))
                .chain(trigger -> dryRun.test(trigger, request));
    }

    private Uni<Trigger> visible(UUID id) {
        return triggers.findVisible(id, caller.partnerScope()).map(trigger -> found(trigger, id));
    }

    private static <T> T found(T trigger, UUID id) {
        if (trigger == null) {
            throw DomainException.notFound("trigger", id);
        }
        return trigger;
    }
}
