package dev.rapport.loyalty.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("LoyaltyRewardOffer")
@Description("A reward as one account sees it: whether it can be redeemed now, and if not why")
@Schema(
        name = "LoyaltyRewardOffer",
        description = "A reward as one account sees it: whether it can be redeemed now, and if not why")
public record RewardOffer(
        @Schema(description = "The reward") @Description("The reward")
        RewardView reward,

        @Schema(description = "Whether the account can redeem it now")
        @Description("Whether the account can redeem it now")
        boolean redeemable,

        @Schema(
                description = "Why not, each reason with a code: points_short, not_in_tier, not_in_segment, "
                        + "out_of_stock, limit_reached, not_yet_valid, no_longer_valid")
        @Description("Why not")
        List<RewardReason> reasons) {}
