package dev.rapport.lead;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import dev.rapport.event.EventLog;
import dev.rapport.lead.api.CreateLeadAssignmentRuleRequest;
import dev.rapport.lead.api.CreateLeadScoringRuleRequest;
import dev.rapport.lead.api.LeadAssignmentRuleView;
import dev.rapport.lead.api.LeadScoringRuleView;
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
 * Scoring and assignment rules, their conditions checked by compiling them. A partner manages and sees its own; its
 * leads are held to its rules and the in-house ones. A changed scoring rule reaches a lead's stored score at the
 * lead's next change; {@code GET /v1/leads/{id}/score} shows the score the rules give now.
 */
@ApplicationScoped
public class LeadRuleService {

    static final Sort ORDER = LeadRuleQueries.ORDER;

    private final LeadRuleRepository rules;
    private final LeadRuleQueries queries;
    private final LeadMapper mapper;
    private final EventLog events;
    private final MergePatches patches;
    private final Caller caller;
    private final Clock clock;

    LeadRuleService(
            LeadRuleRepository rules,
            LeadRuleQueries queries,
            LeadMapper mapper,
            EventLog events,
            MergePatches patches,
            Caller caller,
            Clock clock) {
        this.rules = rules;
        this.queries = queries;
        this.mapper = mapper;
        this.events = events;
        this.patches = patches;
        this.caller = caller;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<LeadScoringRuleView> createScoring(CreateLeadScoringRuleRequest request) {
        patches.validate(request);
        LeadRule rule = newRule(LeadRule.SCORING);
        applyScoring(request, rule);
        return persist(rule, mapper::toScoringView);
    }

    @WithTransaction
    public Uni<LeadAssignmentRuleView> createAssignment(CreateLeadAssignmentRuleRequest request) {
        patches.validate(request);
        LeadRule rule = newRule(LeadRule.ASSIGNMENT);
        applyAssignment(request, rule);
        return persist(rule, mapper::toAssignmentView);
    }

    public Uni<LeadScoringRuleView> scoringRule(UUID id) {
        return queries.scoringRule(id, caller.partnerScope()).map(view -> found(view, id));
    }

    public Uni<LeadAssignmentRuleView> assignmentRule(UUID id) {
        return queries.assignmentRule(id, caller.partnerScope()).map(view -> found(view, id));
    }

    public Uni<Page<LeadScoringRuleView>> scoringRules(PageRequest page) {
        return queries.scoringRules(caller.partnerScope(), page);
    }

    public Uni<Page<LeadAssignmentRuleView>> assignmentRules(PageRequest page) {
        return queries.assignmentRules(caller.partnerScope(), page);
    }

    @WithTransaction
    public Uni<LeadScoringRuleView> updateScoring(UUID id, JsonNode patch, String ifMatch) {
        return update(id, LeadRule.SCORING, ifMatch, rule -> {
            MergePatches.Patched<CreateLeadScoringRuleRequest> patched =
                    patches.apply(mapper.toScoringRequest(rule), patch);
            if (patched.changed()) {
                applyScoring(patched.value(), rule);
            }
            return new Changed<>(patched.changed(), patched.changedFields(), mapper::toScoringView);
        });
    }

    @WithTransaction
    public Uni<LeadAssignmentRuleView> updateAssignment(UUID id, JsonNode patch, String ifMatch) {
        return update(id, LeadRule.ASSIGNMENT, ifMatch, rule -> {
            MergePatches.Patched<CreateLeadAssignmentRuleRequest> patched =
                    patches.apply(mapper.toAssignmentRequest(rule), patch);
            if (patched.changed()) {
                applyAssignment(patched.value(), rule);
            }
            return new Changed<>(patched.changed(), patched.changedFields(), mapper::toAssignmentView);
        });
    }

    @WithTransaction
    public Uni<Void> delete(UUID id, String kind, String ifMatch) {
        return managed(id, kind)
                .chain(rule -> {
                    ETags.checkIfMatch(ifMatch, rule.version);
                    return rules.delete(rule)
                            .chain(() -> events.append(
                                    LeadEvent.ruleEvent(kind, "deleted"),
                                    LeadEvent.ruleSubject(kind),
                                    id,
                                    rule.partnerId,
                                    new LeadEvent.DefinitionDeleted(id, rule.name)))
                            .replaceWithVoid();
                })
                .onFailure()
                .transform(e -> ETags.whenStale(e, ifMatch));
    }

    /** What a patch did to a rule, and how the rule is shown. */
    private record Changed<V>(boolean changed, List<String> fields, Function<LeadRule, V> view) {}

    private <V> Uni<V> update(UUID id, String kind, String ifMatch, Function<LeadRule, Changed<V>> patch) {
        return managed(id, kind)
                .chain(rule -> {
                    ETags.checkIfMatch(ifMatch, rule.version);
                    Changed<V> changed = patch.apply(rule);
                    if (!changed.changed()) {
                        return Uni.createFrom().item(changed.view().apply(rule));
                    }
                    rule.updatedAt = Clocks.now(clock);
                    return rules.flush().chain(() -> {
                        V view = changed.view().apply(rule);
                        return events.append(
                                        LeadEvent.ruleEvent(kind, "updated"),
                                        LeadEvent.ruleSubject(kind),
                                        id,
                                        rule.partnerId,
                                        new LeadEvent.DefinitionUpdated(id, changed.fields(), view))
                                .replaceWith(view);
                    });
                })
                .onFailure()
                .transform(e -> ETags.whenStale(e, ifMatch));
    }

    private LeadRule newRule(String kind) {
        OffsetDateTime now = Clocks.now(clock);
        LeadRule rule = new LeadRule();
        rule.id = Ids.newId();
        rule.kind = kind;
        rule.partnerId = caller.partnerScope();
        rule.createdAt = now;
        rule.updatedAt = now;
        return rule;
    }

    private <V> Uni<V> persist(LeadRule rule, Function<LeadRule, V> view) {
        return rules.persist(rule).chain(() -> {
            V shown = view.apply(rule);
            return events.append(
                            LeadEvent.ruleEvent(rule.kind, "created"),
                            LeadEvent.ruleSubject(rule.kind),
                            rule.id,
                            rule.partnerId,
                            shown)
                    .replaceWith(shown);
        });
    }

    private void applyScoring(CreateLeadScoringRuleRequest request, LeadRule rule) {
        String condition = request.condition().trim();
        LeadFields.condition(condition, "condition", clock.instant());
        rule.name = request.name().trim();
        rule.condition = condition;
        rule.points = request.points();
        rule.enabled = request.enabled() == null || request.enabled();
    }

    private void applyAssignment(CreateLeadAssignmentRuleRequest request, LeadRule rule) {
        String condition = LeadRules.blankToNull(request.condition());
        if (condition != null) {
            LeadFields.condition(condition, "condition", clock.instant());
        }
        if (request.pool() != null
                && request.pool().stream().anyMatch(o -> o == null || o.isBlank() || o.length() > 200)) {
            throw DomainException.invalid("pool", "every owner must be a user id of 1 to 200 characters");
        }
        List<String> pool = request.pool() == null
                ? List.of()
                : request.pool().stream().map(String::trim).distinct().toList();
        String owner = LeadRules.blankToNull(request.ownerId());
        if ((owner == null) == pool.isEmpty()) {
            throw DomainException.invalid("ownerId", "give either ownerId or a pool of one or more owners");
        }
        rule.name = request.name().trim();
        rule.condition = condition;
        rule.position = request.position() == null ? 0 : request.position();
        rule.ownerId = owner;
        rule.pool = pool.isEmpty() ? null : pool.toArray(String[]::new);
        rule.enabled = request.enabled() == null || request.enabled();
    }

    /** A rule the caller may change, or not-found. */
    private Uni<LeadRule> managed(UUID id, String kind) {
        return rules.findVisible(id, kind, caller.partnerScope()).map(rule -> found(rule, id));
    }

    private static <T> T found(T value, UUID id) {
        if (value == null) {
            throw DomainException.notFound("lead rule", id);
        }
        return value;
    }
}
