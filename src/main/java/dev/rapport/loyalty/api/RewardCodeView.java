package dev.rapport.loyalty.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("LoyaltyRewardCode")
@Description("A reward code marked used")
@Schema(name = "LoyaltyRewardCode", description = "A reward code marked used")
public record RewardCodeView(
        @Schema(description = "The code") @Description("The code")
        String code,

        @Schema(description = "The reward") @Description("The reward")
        UUID rewardId,

        @Schema(description = "The account it was issued to") @Description("The account it was issued to")
        UUID accountId,

        @Schema(description = "When it was used") @Description("When it was used")
        OffsetDateTime usedAt) {}
