package dev.rapport.loyalty.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("LoyaltyRewardReason")
@Description("Why a reward is out of reach")
@Schema(name = "LoyaltyRewardReason", description = "Why a reward is out of reach")
public record RewardReason(
        @Schema(
                description = "A stable code",
                enumeration = {
                    "points_short",
                    "not_in_tier",
                    "not_in_segment",
                    "out_of_stock",
                    "limit_reached",
                    "not_yet_valid",
                    "no_longer_valid"
                })
        @Description("points_short, not_in_tier, not_in_segment, out_of_stock, limit_reached, not_yet_valid or "
                + "no_longer_valid")
        String code,

        @Schema(description = "In words, for a person") @Description("In words, for a person")
        String detail) {}
