package dev.rapport.loyalty.api;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

@Type("LoyaltyTierProgress")
@Description("Where an account stands towards the next tier")
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "LoyaltyTierProgress", description = "Where an account stands towards the next tier")
public record LoyaltyTierProgress(
        @Schema(description = "points or spend: what the tiers count") @Description("points or spend")
        String basis,

        @Schema(description = "The rolling period counted, ISO 8601") @Description("The rolling period counted")
        String period,

        @Schema(description = "What the account counts over the period (points, or whole currency units)")
        @Description("What the account counts over the period")
        long qualifying,

        @Schema(description = "The next tier; absent in the top tier")
        @Description("The next tier; null in the top tier")
        String nextTier,

        @Schema(description = "How much more the next tier needs") @Description("How much more the next tier needs")
        Long needed,

        @Schema(description = "When the tier is reviewed: kept for another period, or lowered to what qualifies")
        @Description("When the tier is reviewed")
        OffsetDateTime reviewAt) {}
