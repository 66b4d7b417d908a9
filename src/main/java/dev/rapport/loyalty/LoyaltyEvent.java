package dev.rapport.loyalty;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.rapport.event.ChangeSummary;
import dev.rapport.loyalty.api.LoyaltyProgramView;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The event types of the loyalty domain and their payloads. The subject of an account's events is the account; their
 * data carries the {@code customerId}, so segments and triggers follow the customer, and the posting's figures at the
 * top level (points, balance, tier), so trigger conditions test them as {@code data.<field>}.
 */
public final class LoyaltyEvent {

    public static final String ACCOUNT = "loyalty_account";
    public static final String PROGRAM = "loyalty_program";

    public static final String ACCOUNT_ENROLLED = "loyalty.account_enrolled";
    public static final String CARD_REPLACED = "loyalty.card_replaced";
    public static final String POINTS_EARNED = "loyalty.points_earned";
    public static final String POINTS_REDEEMED = "loyalty.points_redeemed";
    public static final String POINTS_ADJUSTED = "loyalty.points_adjusted";
    public static final String POINTS_EXPIRED = "loyalty.points_expired";
    public static final String POINTS_TRANSFERRED = "loyalty.points_transferred";
    public static final String TRANSACTION_REVERSED = "loyalty.transaction_reversed";
    public static final String POINTS_EXPIRING = "loyalty.points_expiring";
    public static final String TIER_CHANGED = "loyalty.tier_changed";

    public static final String PROGRAM_CREATED = "loyalty_program.created";
    public static final String PROGRAM_UPDATED = "loyalty_program.updated";
    public static final String PROGRAM_DELETED = "loyalty_program.deleted";
    public static final String REWARD = "loyalty_reward";
    public static final String REWARD_CREATED = "loyalty_reward.created";
    public static final String REWARD_UPDATED = "loyalty_reward.updated";
    public static final String REWARD_DELETED = "loyalty_reward.deleted";
    public static final String REWARD_REDEEMED = "loyalty.reward_redeemed";
    public static final String REWARD_CODE_USED = "loyalty.reward_code_used";
    public static final String RULE = "loyalty_earning_rule";
    public static final String RULE_CREATED = "loyalty_earning_rule.created";
    public static final String RULE_UPDATED = "loyalty_earning_rule.updated";
    public static final String RULE_DELETED = "loyalty_earning_rule.deleted";

    public static final String POSTED_TYPES = POINTS_EARNED + "," + POINTS_REDEEMED + "," + POINTS_ADJUSTED + ","
            + POINTS_EXPIRED + "," + POINTS_TRANSFERRED + "," + TRANSACTION_REVERSED;

    public static final String POINTS_REDEEMED_EXAMPLE = """
            {
              "id": "01a2d000-5e6a-7a01-a3fe-1cfe770fd900",
              "type": "loyalty.points_redeemed",
              "createdAt": "2026-12-02T09:00:00Z",
              "subjectType": "loyalty_account",
              "subjectId": "01a2d000-0000-7000-8000-0000000000e1",
              "data": {
                "accountId": "01a2d000-0000-7000-8000-0000000000e1",
                "customerId": "01a2073b-0a3f-7482-91b6-bdac68fbb7f8",
                "programId": "01a2d000-0000-7000-8000-0000000000f1",
                "entryId": "01a2d000-0000-7000-8000-0000000000e9",
                "type": "redeem",
                "points": -500,
                "balance": 750,
                "tier": "silver",
                "reasonCode": "reward",
                "actor": "pos-terminal-7"
              }
            }""";

    private LoyaltyEvent() {}

    /** The event type of a posting of {@code type}. */
    static String posted(String type) {
        return switch (type) {
            case LoyaltyEntry.EARN -> POINTS_EARNED;
            case LoyaltyEntry.REDEEM -> POINTS_REDEEMED;
            case LoyaltyEntry.EXPIRE -> POINTS_EXPIRED;
            case LoyaltyEntry.TRANSFER -> POINTS_TRANSFERRED;
            case LoyaltyEntry.REVERSE -> TRANSACTION_REVERSED;
            default -> POINTS_ADJUSTED;
        };
    }

    /** Payload of {@code loyalty.account_enrolled} and {@code loyalty.card_replaced}. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(
            name = "LoyaltyAccountChangedData",
            extensions = @Extension(name = "x-event-types", value = ACCOUNT_ENROLLED + "," + CARD_REPLACED),
            description = "The data of loyalty.account_enrolled and loyalty.card_replaced")
    public record AccountChanged(
            @Schema(description = "Account id") UUID accountId,

            @Schema(description = "The customer") UUID customerId,

            @Schema(description = "The program") UUID programId,

            @Schema(description = "The card number now") String cardNumber,

            @Schema(description = "For loyalty.card_replaced: the card replaced, which no longer answers")
            String replacedCardNumber,

            @Schema(description = "The tier") String tier) {}

    /** Payload of every posting's event. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(
            name = "LoyaltyPostedData",
            extensions = {
                @Extension(name = "x-event-types", value = POSTED_TYPES),
                @Extension(name = "x-event-example", value = POINTS_REDEEMED_EXAMPLE, parseValue = true)
            },
            description =
                    "The data of a ledger posting's event: the entry, and the account's balance and tier after it")
    public record Posted(
            @Schema(description = "Account id") UUID accountId,

            @Schema(description = "The customer") UUID customerId,

            @Schema(description = "The program") UUID programId,

            @Schema(description = "The entry") UUID entryId,

            @Schema(description = "earn, redeem, adjust, expire, reverse or transfer")
            String type,

            @Schema(description = "Points the entry added (positive) or took (negative)")
            long points,

            @Schema(description = "The account's balance after the entry")
            long balance,

            @Schema(description = "The account's tier after the entry")
            String tier,

            @Schema(description = "Why, as a code") String reasonCode,

            @Schema(description = "The earning rule that caused it")
            UUID ruleId,

            @Schema(description = "The purchase that caused it")
            UUID purchaseId,

            @Schema(description = "For expire: the lot that expired")
            UUID lotId,

            @Schema(description = "For reverse: the entry reversed")
            UUID reverses,

            @Schema(description = "For transfer: the other account's entry")
            UUID linkedEntryId,

            @Schema(description = "Who posted it") String actor,

            @Schema(description = "For points earned from a purchase: each earning rule's part")
            List<LoyaltyRecords.Contribution> rules) {}

    /** Payload of {@code loyalty_program.updated}. */
    @Schema(
            name = "LoyaltyProgramUpdatedData",
            extensions = @Extension(name = "x-event-types", value = PROGRAM_UPDATED),
            description = "The data of loyalty_program.updated: what changed, and the program as it is now")
    public record ProgramUpdated(
            @Schema(description = "Program id") UUID id,

            @Schema(description = "Names of the fields the change set")
            List<String> changedFields,

            @Schema(description = "The program after the change")
            LoyaltyProgramView program)
            implements ChangeSummary {}

    /** A lot of points that expires soon. */
    @RegisterForReflection
    @Schema(name = "LoyaltyExpiringLot", description = "Points of one lot and when they expire")
    public record ExpiringLot(
            @Schema(description = "Points") long points,
            @Schema(description = "When they expire") java.time.OffsetDateTime expiresAt) {}

    /** Payload of {@code loyalty.points_expiring}. */
    @RegisterForReflection
    @Schema(
            name = "LoyaltyPointsExpiringData",
            extensions = @Extension(name = "x-event-types", value = POINTS_EXPIRING),
            description = "The data of loyalty.points_expiring: points of the account that expire within the "
                    + "program's notice days, told once per lot")
    public record Expiring(
            @Schema(description = "Account id") UUID accountId,
            @Schema(description = "The customer") UUID customerId,
            @Schema(description = "The program") UUID programId,
            @Schema(description = "The points expiring") long points,

            @Schema(description = "When the first of them expire")
            java.time.OffsetDateTime expiresAt,

            @Schema(description = "The account's balance") long balance,

            @Schema(description = "The lots, first to expire first")
            List<ExpiringLot> lots) {

        static Expiring of(LoyaltyAccount account, List<ExpiringLot> lots) {
            return new Expiring(
                    account.id,
                    account.customerId,
                    account.programId,
                    lots.stream().mapToLong(ExpiringLot::points).sum(),
                    lots.stream()
                            .map(ExpiringLot::expiresAt)
                            .min(java.util.Comparator.naturalOrder())
                            .orElse(null),
                    account.balance,
                    lots);
        }
    }

    /** Payload of {@code loyalty.tier_changed}. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(
            name = "LoyaltyTierChangedData",
            extensions = @Extension(name = "x-event-types", value = TIER_CHANGED),
            description = "The data of loyalty.tier_changed: the tiers, and why")
    public record TierChanged(
            @Schema(description = "Account id") UUID accountId,
            @Schema(description = "The customer") UUID customerId,
            @Schema(description = "The program") UUID programId,

            @Schema(description = "The tier before; absent for none")
            String from,

            @Schema(description = "The tier now") String to,

            @Schema(
                    description = "upgrade or downgrade",
                    enumeration = {"upgrade", "downgrade"})
            String direction,

            @Schema(description = "points or spend: what qualified")
            String basis,

            @Schema(description = "What the account counts over the qualification period")
            long qualifying,

            @Schema(description = "The qualification period, ISO 8601")
            String period,

            @Schema(description = "Why, in words") String why) {}

    /** Payload of {@code loyalty.reward_redeemed} and {@code loyalty.reward_code_used}. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(
            name = "LoyaltyRewardRedeemedData",
            extensions = @Extension(name = "x-event-types", value = REWARD_REDEEMED + "," + REWARD_CODE_USED),
            description = "The data of loyalty.reward_redeemed and loyalty.reward_code_used")
    public record RewardRedeemed(
            @Schema(description = "Account id") UUID accountId,
            @Schema(description = "The customer") UUID customerId,
            @Schema(description = "The reward") UUID rewardId,
            @Schema(description = "The reward code") String code,

            @Schema(description = "For reward_redeemed: the points it cost")
            Long cost,

            @Schema(description = "For reward_redeemed: the redeem entry")
            UUID entryId,

            @Schema(description = "For reward_redeemed: the balance after it")
            Long balance) {}

    /** Payload of {@code loyalty_reward.updated}. */
    @Schema(
            name = "LoyaltyRewardUpdatedData",
            extensions = @Extension(name = "x-event-types", value = REWARD_UPDATED),
            description = "The data of loyalty_reward.updated: what changed, and the reward as it is now")
    public record RewardUpdated(
            @Schema(description = "Reward id") UUID id,

            @Schema(description = "Names of the fields the change set")
            List<String> changedFields,

            @Schema(description = "The reward after the change")
            dev.rapport.loyalty.api.RewardView reward)
            implements ChangeSummary {}

    /** Payload of {@code loyalty_earning_rule.updated}. */
    @Schema(
            name = "LoyaltyEarningRuleUpdatedData",
            extensions = @Extension(name = "x-event-types", value = RULE_UPDATED),
            description = "The data of loyalty_earning_rule.updated: what changed, and the rule as it is now")
    public record RuleUpdated(
            @Schema(description = "Rule id") UUID id,

            @Schema(description = "Names of the fields the change set")
            List<String> changedFields,

            @Schema(description = "The rule after the change")
            dev.rapport.loyalty.api.EarningRuleView rule)
            implements ChangeSummary {}

    /** Payload of {@code loyalty_program.deleted} and {@code loyalty_earning_rule.deleted}. */
    @Schema(
            name = "LoyaltyProgramDeletedData",
            extensions =
                    @Extension(
                            name = "x-event-types",
                            value = PROGRAM_DELETED + "," + RULE_DELETED + "," + REWARD_DELETED),
            description =
                    "The data of loyalty_program.deleted, loyalty_earning_rule.deleted and loyalty_reward.deleted")
    public record ProgramDeleted(
            @Schema(description = "Program id") UUID id,
            @Schema(description = "Name") String name) {}
}
