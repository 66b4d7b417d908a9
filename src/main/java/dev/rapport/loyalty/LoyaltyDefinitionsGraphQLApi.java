package dev.rapport.loyalty;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.loyalty.api.CreateEarningRuleRequest;
import dev.rapport.loyalty.api.CreateRewardRequest;
import dev.rapport.loyalty.api.EarningRulePage;
import dev.rapport.loyalty.api.EarningRuleView;
import dev.rapport.loyalty.api.RewardPage;
import dev.rapport.loyalty.api.RewardView;
import dev.rapport.platform.db.ETags;
import dev.rapport.platform.paging.PageRequest;
import dev.rapport.platform.security.Roles;
import dev.rapport.platform.web.GraphQLArguments;
import io.smallrye.mutiny.Uni;

/** Loyalty earning rules and rewards in GraphQL: the same services, rules and error codes as REST. */
@GraphQLApi
public class LoyaltyDefinitionsGraphQLApi {

    private final LoyaltyEarningRuleService rules;
    private final LoyaltyRewardService rewards;
    private final ObjectMapper json;

    LoyaltyDefinitionsGraphQLApi(LoyaltyEarningRuleService rules, LoyaltyRewardService rewards, ObjectMapper json) {
        this.rules = rules;
        this.rewards = rewards;
        this.json = json;
    }

    @Query("loyaltyEarningRule")
    @Description("One earning rule by id")
    @RolesAllowed(Roles.LOYALTY_READ)
    public Uni<EarningRuleView> loyaltyEarningRule(@NonNull @Id String id) {
        return rules.get(GraphQLArguments.id(id));
    }

    @Query("loyaltyEarningRules")
    @Description("Earning rules, oldest first, cursor-paged")
    @RolesAllowed(Roles.LOYALTY_READ)
    public Uni<EarningRulePage> loyaltyEarningRules(
            @Description("Only this program's rules") @Id String programId,
            @Description("Page size, 1 to 100") @DefaultValue("20") int limit,
            @Description("nextCursor of the previous page") String after) {
        return rules.list(
                        programId == null ? null : GraphQLArguments.id(programId),
                        PageRequest.of(Integer.toString(limit), after, LoyaltyEarningRuleService.ORDER))
                .map(page -> new EarningRulePage(page.data(), page.nextCursor(), page.hasMore()));
    }

    @Query("loyaltyReward")
    @Description("One reward by id")
    @RolesAllowed(Roles.LOYALTY_READ)
    public Uni<RewardView> loyaltyReward(@NonNull @Id String id) {
        return rewards.get(GraphQLArguments.id(id));
    }

    @Query("loyaltyRewards")
    @Description("Rewards, oldest first, cursor-paged")
    @RolesAllowed(Roles.LOYALTY_READ)
    public Uni<RewardPage> loyaltyRewards(
            @Description("Only this program's rewards") @Id String programId,
            @Description("Page size, 1 to 100") @DefaultValue("20") int limit,
            @Description("nextCursor of the previous page") String after) {
        return rewards.list(
                        programId == null ? null : GraphQLArguments.id(programId),
                        PageRequest.of(Integer.toString(limit), after, LoyaltyRewardService.ORDER))
                .map(page -> new RewardPage(page.data(), page.nextCursor(), page.hasMore()));
    }

    @Mutation("createLoyaltyEarningRule")
    @Description("Define an earning rule")
    @RolesAllowed(Roles.LOYALTY_MANAGE)
    public Uni<EarningRuleView> createLoyaltyEarningRule(@NonNull @Valid CreateEarningRuleRequest input) {
        return rules.create(input);
    }

    @Mutation("updateLoyaltyEarningRule")
    @Description("Change an earning rule with a JSON merge patch, as PATCH /v1/loyalty/earning-rules/{id}")
    @RolesAllowed(Roles.LOYALTY_MANAGE)
    public Uni<EarningRuleView> updateLoyaltyEarningRule(
            @NonNull @Id String id, @NonNull @Description("JSON merge patch") String patch, Long ifMatchVersion) {
        return rules.update(GraphQLArguments.id(id), GraphQLArguments.json(json, patch), version(ifMatchVersion));
    }

    @Mutation("deleteLoyaltyEarningRule")
    @Description("Delete an earning rule; returns its id")
    @RolesAllowed(Roles.LOYALTY_MANAGE)
    @Id
    public Uni<String> deleteLoyaltyEarningRule(@NonNull @Id String id, Long ifMatchVersion) {
        return rules.delete(GraphQLArguments.id(id), version(ifMatchVersion)).replaceWith(id);
    }

    @Mutation("createLoyaltyReward")
    @Description("Offer a reward")
    @RolesAllowed(Roles.LOYALTY_MANAGE)
    public Uni<RewardView> createLoyaltyReward(@NonNull @Valid CreateRewardRequest input) {
        return rewards.create(input);
    }

    @Mutation("updateLoyaltyReward")
    @Description("Change a reward with a JSON merge patch, as PATCH /v1/loyalty/rewards/{id}")
    @RolesAllowed(Roles.LOYALTY_MANAGE)
    public Uni<RewardView> updateLoyaltyReward(
            @NonNull @Id String id, @NonNull @Description("JSON merge patch") String patch, Long ifMatchVersion) {
        return rewards.update(GraphQLArguments.id(id), GraphQLArguments.json(json, patch), version(ifMatchVersion));
    }

    @Mutation("deleteLoyaltyReward")
    @Description("Delete a reward no code was issued for; returns its id")
    @RolesAllowed(Roles.LOYALTY_MANAGE)
    @Id
    public Uni<String> deleteLoyaltyReward(@NonNull @Id String id, Long ifMatchVersion) {
        return rewards.delete(GraphQLArguments.id(id), version(ifMatchVersion)).replaceWith(id);
    }

    private static String version(Long ifMatchVersion) {
        return ifMatchVersion == null ? null : ETags.of(ifMatchVersion);
    }
}
