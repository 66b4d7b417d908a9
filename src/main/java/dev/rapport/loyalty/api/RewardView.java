package dev.rapport.loyalty.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.rapport.loyalty.LoyaltyEvent;

@Type("LoyaltyReward")
@Description("A reward of a program's catalogue")
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        name = "LoyaltyReward",
        extensions = @Extension(name = "x-event-types", value = LoyaltyEvent.REWARD_CREATED),
        description = "A reward of a program's catalogue")
public record RewardView(
        @Schema(description = "Reward id") @Description("Reward id")
        UUID id,

        @Schema(description = "The program") @Description("The program")
        UUID programId,

        @Schema(description = "Name") @Description("Name") String name,

        @Schema(description = "What it is") @Description("What it is")
        String description,

        @Schema(description = "Its cost in points") @Description("Its cost in points")
        long cost,

        @Schema(description = "How many are left; absent when unlimited")
        @Description("How many are left; null when unlimited")
        Long stock,

        @Schema(description = "How many one customer may redeem") @Description("How many one customer may redeem")
        Integer perCustomerLimit,

        @Schema(description = "Only accounts in these tiers") @Description("Only accounts in these tiers")
        List<String> tiers,

        @Schema(description = "Only members of this segment") @Description("Only members of this segment")
        UUID segmentId,

        @Schema(description = "Redeemable from then") @Description("Redeemable from then")
        OffsetDateTime validFrom,

        @Schema(description = "Redeemable until then") @Description("Redeemable until then")
        OffsetDateTime validUntil,

        @Schema(description = "Whether it is offered") @Description("Whether it is offered")
        boolean enabled,

        @Schema(description = "The partner that defined it; absent for in-house rewards")
        @Description("The partner that defined it; null for in-house rewards")
        String partnerId,

        @Schema(description = "When it was created") @Description("When it was created")
        OffsetDateTime createdAt,

        @Schema(description = "When it last changed") @Description("When it last changed")
        OffsetDateTime updatedAt,

        @Schema(description = "Version; the ETag carries the same value")
        @Description("Version; the ETag carries the same value")
        long version) {}
