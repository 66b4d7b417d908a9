package dev.rapport.loyalty.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("LoyaltyRewardRedemption")
@Description("A redeemed reward: its code and the entry that paid for it")
@Schema(name = "LoyaltyRewardRedemption", description = "A redeemed reward: its code and the entry that paid for it")
public record RewardRedemptionView(
        @Schema(description = "The reward code to hand the customer; used once")
        @Description("The reward code; used once")
        String code,

        @Schema(description = "The reward") @Description("The reward")
        UUID rewardId,

        @Schema(description = "The redeem entry") @Description("The redeem entry")
        LoyaltyEntryView entry,

        @Schema(description = "The account after it") @Description("The account after it")
        LoyaltyAccountView account,

        @Schema(description = "Whether this answers a repeat of an earlier redemption's Idempotency-Key")
        @Description("Whether this answers a repeat of an earlier redemption's idempotency key")
        boolean replayed,

        @Schema(description = "When it was issued") @Description("When it was issued")
        OffsetDateTime issuedAt) {}
