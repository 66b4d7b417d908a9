package dev.rapport.loyalty;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import com.fasterxml.jackson.databind.JsonNode;

import dev.rapport.event.EventLog;
import dev.rapport.loyalty.api.CreateEarningRuleRequest;
import dev.rapport.loyalty.api.EarningRuleView;
import dev.rapport.platform.db.ETags;
import dev.rapport.platform.db.Ids;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.error.Problem.FieldError;
import dev.rapport.platform.error.ProblemType;
import dev.rapport.platform.json.MergePatches;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageRequest;
import dev.rapport.platform.paging.Sort;
import dev.rapport.platform.security.Caller;
import dev.rapport.platform.time.Clocks;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Earning rules. A rule belongs to a program and is changed by whoever may change the program (its partner, or staff
 * for in-house programs); the earning engine applies the enabled ones to every purchase of an enrolled customer.
 */
@ApplicationScoped
public class LoyaltyEarningRuleService {

    static final Sort ORDER = LoyaltyQueries.RULE_ORDER;

    private final LoyaltyEarningRuleRepository rules;
    private final LoyaltyProgramRepository programs;
    private final LoyaltyQueries queries;
    private final LoyaltyMapper mapper;
    private final LoyaltyDefinitions definitions;
    private final EventLog events;
    private final MergePatches patches;
    private final Caller caller;
    private final Clock clock;

    LoyaltyEarningRuleService(
            LoyaltyEarningRuleRepository rules,
            LoyaltyProgramRepository programs,
            LoyaltyQueries queries,
            LoyaltyMapper mapper,
            LoyaltyDefinitions definitions,
            EventLog events,
            MergePatches patches,
            Caller caller,
            Clock clock) {
        this.rules = rules;
        this.programs = programs;
        this.queries = queries;
        this.mapper = mapper;
        this.definitions = definitions;
        this.events = events;
        this.patches = patches;
        this.caller = caller;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<EarningRuleView> create(CreateEarningRuleRequest request) {
        patches.validate(request);
        return managedProgram(request.programId(), "programId")
                .chain(program -> check(request, program).map(nothing -> program))
                .chain(program -> {
                    OffsetDateTime now = Clocks.now(clock);
                    LoyaltyEarningRule rule = new LoyaltyEarningRule();
                    rule.id = Ids.newId();
                    rule.programId = program.id;
                    rule.partnerId = program.partnerId;
                    rule.createdAt = now;
                    rule.updatedAt = now;
                    set(rule, request);
                    return rules.persist(rule).chain(() -> {
                        EarningRuleView view = mapper.toView(rule);
                        return events.append(
                                        LoyaltyEvent.RULE_CREATED, LoyaltyEvent.RULE, rule.id, rule.partnerId, view)
                                .replaceWith(view);
                    });
                });
    }

    public Uni<EarningRuleView> get(UUID id) {
        return queries.rule(id, caller.partnerScope()).map(view -> {
            if (view == null) {
                throw DomainException.notFound("earning rule", id);
            }
            return view;
        });
    }

    /** The rules the caller may see, of one program when {@code programId} is given. */
    public Uni<Page<EarningRuleView>> list(UUID programId, PageRequest page) {
        return queries.rules(programId, caller.partnerScope(), page);
    }

    @WithTransaction
    public Uni<EarningRuleView> update(UUID id, JsonNode patch, String ifMatch) {
        return managed(id)
                .chain(rule -> {
                    ETags.checkIfMatch(ifMatch, rule.version);
                    MergePatches.Patched<CreateEarningRuleRequest> patched =
                            patches.apply(mapper.toRequest(rule), patch);
                    if (!patched.changed()) {
                        return Uni.createFrom().item(mapper.toView(rule));
                    }
                    if (patched.changedFields().contains("programId")) {
                        throw DomainException.invalid("programId", "is set when the rule is created and cannot change");
                    }
                    CreateEarningRuleRequest request = patched.value();
                    return programs.findById(rule.programId)
                            .chain(program -> check(request, program))
                            .chain(() -> {
                                set(rule, request);
                                rule.updatedAt = Clocks.now(clock);
                                return rules.flush();
                            })
                            .chain(() -> {
                                EarningRuleView view = mapper.toView(rule);
                                return events.append(
                                                LoyaltyEvent.RULE_UPDATED,
                                                LoyaltyEvent.RULE,
                                                id,
                                                rule.partnerId,
                                                new LoyaltyEvent.RuleUpdated(id, patched.changedFields(), view))
                                        .replaceWith(view);
                            });
                })
                .onFailure()
                .transform(e -> ETags.whenStale(e, ifMatch));
    }

    @WithTransaction
    public Uni<Void> delete(UUID id, String ifMatch) {
        return managed(id)
                .chain(rule -> {
                    ETags.checkIfMatch(ifMatch, rule.version);
                    return rules.delete(rule)
                            .chain(() -> events.append(
                                    LoyaltyEvent.RULE_DELETED,
                                    LoyaltyEvent.RULE,
                                    id,
                                    rule.partnerId,
                                    new LoyaltyEvent.ProgramDeleted(id, rule.name)))
                            .replaceWithVoid();
                })
                .onFailure()
                .transform(e -> ETags.whenStale(e, ifMatch));
    }

    private Uni<LoyaltyEarningRule> managed(UUID id) {
        String scope = caller.partnerScope();
        return rules.findById(id, LockModeType.PESSIMISTIC_WRITE)
                .map(rule -> LoyaltyDefinitions.managed(
                        rule, rule == null ? null : rule.partnerId, scope, "earning rule", id));
    }

    /** A program the caller may define rules of; an unknown one is a field error of {@code field}. */
    private Uni<LoyaltyProgram> managedProgram(UUID programId, String field) {
        String scope = caller.partnerScope();
        return programs.findById(programId).map(program -> {
            if (program != null && scope != null && program.partnerId == null) {
                throw new DomainException(ProblemType.FORBIDDEN, "In-house programs' rules are defined by staff only");
            }
            if (program == null || !Caller.mayAccess(scope, program.partnerId)) {
                throw DomainException.invalid(field, "no such loyalty program");
            }
            return program;
        });
    }

    private static void set(LoyaltyEarningRule rule, CreateEarningRuleRequest request) {
        rule.name = request.name().trim();
        rule.kind = request.kind();
        rule.pointsPerUnit = LoyaltyEarning.plain(request.pointsPerUnit());
        rule.multiplier = LoyaltyEarning.plain(request.multiplier());
        rule.points = request.points();
        rule.conditions = new LoyaltyRecords.Conditions(
                empty(request.channels()),
                empty(request.categories()),
                empty(request.tiers()),
                request.segmentId(),
                request.attributeKey(),
                request.attributeValue(),
                Boolean.TRUE.equals(request.firstPurchase()) ? true : null,
                Boolean.TRUE.equals(request.birthdayMonth()) ? true : null);
        rule.maxPoints = request.maxPoints();
        rule.validFrom = request.validFrom();
        rule.validUntil = request.validUntil();
        rule.enabled = request.enabled() == null || request.enabled();
    }

    private static List<String> empty(List<String> values) {
        return values == null || values.isEmpty()
                ? null
                : values.stream().distinct().toList();
    }

    private Uni<Void> check(CreateEarningRuleRequest request, LoyaltyProgram program) {
        List<FieldError> errors = new ArrayList<>();
        String kind = request.kind();
        need(errors, LoyaltyEarningRule.SPEND.equals(kind), request.pointsPerUnit(), "pointsPerUnit", kind);
        need(errors, LoyaltyEarningRule.MULTIPLIER.equals(kind), request.multiplier(), "multiplier", kind);
        need(errors, LoyaltyEarningRule.BONUS.equals(kind), request.points(), "points", kind);
        if (LoyaltyEarningRule.BONUS.equals(kind)
                && request.categories() != null
                && !request.categories().isEmpty()) {
            errors.add(new FieldError("categories", "a bonus is for the purchase, not for lines"));
        }
        if (request.channels() != null && request.channels().contains(null)) {
            errors.add(new FieldError("channels", "must not hold null"));
        }
        if (request.categories() != null && request.categories().contains(null)) {
            errors.add(new FieldError("categories", "must not hold null"));
        }
        LoyaltyDefinitions.check(program, request.tiers(), request.validFrom(), request.validUntil(), errors);
        if ((request.attributeKey() == null) != (request.attributeValue() == null)) {
            errors.add(new FieldError("attributeValue", "attributeKey and attributeValue go together"));
        }
        return definitions.checkSegment(request.segmentId(), errors);
    }

    private static void need(List<FieldError> errors, boolean needed, Object value, String field, String kind) {
        if (needed && value == null) {
            errors.add(new FieldError(field, "a " + kind + " rule needs it"));
        } else if (!needed && value != null) {
            errors.add(new FieldError(field, "only for " + field(field) + " rules"));
        }
    }

    private static String field(String field) {
        return switch (field) {
            case "pointsPerUnit" -> "spend";
            case "multiplier" -> "multiplier";
            default -> "bonus";
        };
    }
}
