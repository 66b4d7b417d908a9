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
import dev.rapport.loyalty.api.CreateRewardRequest;
import dev.rapport.loyalty.api.RewardView;
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

/** The rewards catalogue of each program, changed by whoever may change the program. */
@ApplicationScoped
public class LoyaltyRewardService {

    static final Sort ORDER = LoyaltyQueries.REWARD_ORDER;

    private final LoyaltyRewardRepository rewards;
    private final LoyaltyProgramRepository programs;
    private final LoyaltyQueries queries;
    private final LoyaltyMapper mapper;
    private final LoyaltyDefinitions definitions;
    private final EventLog events;
    private final MergePatches patches;
    private final Caller caller;
    private final Clock clock;

    LoyaltyRewardService(
            LoyaltyRewardRepository rewards,
            LoyaltyProgramRepository programs,
            LoyaltyQueries queries,
            LoyaltyMapper mapper,
            LoyaltyDefinitions definitions,
            EventLog events,
            MergePatches patches,
            Caller caller,
            Clock clock) {
        this.rewards = rewards;
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
    public Uni<RewardView> create(CreateRewardRequest request) {
        patches.validate(request);
        String scope = caller.partnerScope();
        return programs.findById(request.programId())
                .chain(program -> {
                    if (program != null && scope != null && program.partnerId == null) {
                        throw new DomainException(ProblemType.FORBIDDEN, "In-house rewards are offered by staff only");
                    }
                    if (program == null || !Caller.mayAccess(scope, program.partnerId)) {
                        throw DomainException.invalid("programId", "no such loyalty program");
                    }
                    return check(request, program).replaceWith(program);
                })
                .chain(program -> {
                    OffsetDateTime now = Clocks.now(clock);
                    LoyaltyReward reward = new LoyaltyReward();
                    reward.id = Ids.newId();
                    reward.programId = program.id;
                    reward.partnerId = program.partnerId;
                    reward.createdAt = now;
                    reward.updatedAt = now;
                    reward.stock = request.stock();
                    set(reward, request);
                    return rewards.persist(reward).chain(() -> {
                        RewardView view = mapper.toView(reward);
                        return events.append(
                                        LoyaltyEvent.REWARD_CREATED,
                                        LoyaltyEvent.REWARD,
                                        reward.id,
                                        reward.partnerId,
                                        view)
                                .replaceWith(view);
                    });
                });
    }

    public Uni<RewardView> get(UUID id) {
        return queries.reward(id, caller.partnerScope()).map(view -> {
            if (view == null) {
                throw DomainException.notFound("reward", id);
            }
            return view;
        });
    }

    public Uni<Page<RewardView>> list(UUID programId, PageRequest page) {
        return queries.rewards(programId, caller.partnerScope(), page);
    }

    @WithTransaction
    public Uni<RewardView> update(UUID id, JsonNode patch, String ifMatch) {
        return managed(id)
                .chain(reward -> {
                    // the row was read locked, so its stock is what redemptions left
                    ETags.checkIfMatch(ifMatch, reward.version);
                    MergePatches.Patched<CreateRewardRequest> patched = patches.apply(mapper.toRequest(reward), patch);
                    if (!patched.changed()) {
                        return Uni.createFrom().item(mapper.toView(reward));
                    }
                    if (patched.changedFields().contains("programId")) {
                        throw DomainException.invalid(
                                "programId", "is set when the reward is created and cannot change");
                    }
                    CreateRewardRequest request = patched.value();
                    return programs.findById(reward.programId)
                            .chain(program -> check(request, program))
                            .chain(() -> {
                                set(reward, request);
                                reward.updatedAt = Clocks.now(clock);
                                return rewards.flush();
                            })
                            .chain(() -> patched.changedFields().contains("stock")
                                    ? rewards.restock(id, request.stock())
                                    : Uni.createFrom().voidItem())
                            .chain(() -> {
                                reward.stock = request.stock();
                                RewardView view = mapper.toView(reward);
                                return events.append(
                                                LoyaltyEvent.REWARD_UPDATED,
                                                LoyaltyEvent.REWARD,
                                                id,
                                                reward.partnerId,
                                                new LoyaltyEvent.RewardUpdated(id, patched.changedFields(), view))
                                        .replaceWith(view);
                            });
                })
                .onFailure()
                .transform(e -> ETags.whenStale(e, ifMatch));
    }

    /** Deletes a reward no code was issued for; one that was stays, disabled if need be. */
    @WithTransaction
    public Uni<Void> delete(UUID id, String ifMatch) {
        return managed(id)
                .chain(reward -> {
                    ETags.checkIfMatch(ifMatch, reward.version);
                    return rewards.issued(id).chain(issued -> {
                        if (issued > 0) {
                            throw DomainException.conflict(
                                    issued + " codes were issued for this reward; disable it instead (enabled: false)");
                        }
                        return rewards.delete(reward)
                                .chain(() -> events.append(
                                        LoyaltyEvent.REWARD_DELETED,
                                        LoyaltyEvent.REWARD,
                                        id,
                                        reward.partnerId,
                                        new LoyaltyEvent.ProgramDeleted(id, reward.name)))
                                .replaceWithVoid();
                    });
                })
                .onFailure()
                .transform(e -> ETags.whenStale(e, ifMatch));
    }

    private Uni<LoyaltyReward> managed(UUID id) {
        String scope = caller.partnerScope();
        return rewards.findById(id, LockModeType.PESSIMISTIC_WRITE)
                .map(reward -> LoyaltyDefinitions.managed(
                        reward, reward == null ? null : reward.partnerId, scope, "reward", id));
    }

    private static void set(LoyaltyReward reward, CreateRewardRequest request) {
        reward.name = request.name().trim();
        reward.description = request.description();
        reward.cost = request.cost();
        reward.perCustomerLimit = request.perCustomerLimit();
        reward.conditions = new LoyaltyRecords.Conditions(
                null,
                null,
                request.tiers() == null || request.tiers().isEmpty() ? null : List.copyOf(request.tiers()),
                request.segmentId(),
                null,
                null,
                null,
                null);
        reward.validFrom = request.validFrom();
        reward.validUntil = request.validUntil();
        reward.enabled = request.enabled() == null || request.enabled();
    }

    private Uni<Void> check(CreateRewardRequest request, LoyaltyProgram program) {
        List<FieldError> errors = new ArrayList<>();
        LoyaltyDefinitions.check(program, request.tiers(), request.validFrom(), request.validUntil(), errors);
        return definitions.checkSegment(request.segmentId(), errors);
    }
}
