package dev.rapport.loyalty.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.rapport.loyalty.LoyaltyEvent;

@Type("LoyaltyEarningRule")
@Description("An earning rule of a loyalty program")
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        name = "LoyaltyEarningRule",
        extensions = @Extension(name = "x-event-types", value = LoyaltyEvent.RULE_CREATED),
        description = "An earning rule of a loyalty program")
public record EarningRuleView(
        @Schema(description = "Rule id") @Description("Rule id")
        UUID id,

        @Schema(description = "The program") @Description("The program")
        UUID programId,

        @Schema(description = "Name") @Description("Name") String name,

        @Schema(description = "spend, multiplier or bonus") @Description("spend, multiplier or bonus")
        String kind,

        @Schema(description = "For spend: points per currency unit") @Description("For spend: points per currency unit")
        BigDecimal pointsPerUnit,

        @Schema(description = "For multiplier: the factor") @Description("For multiplier: the factor")
        BigDecimal multiplier,

        @Schema(description = "For bonus: the points") @Description("For bonus: the points")
        Long points,

        @Schema(description = "Only purchases in these sales channels")
        @Description("Only purchases in these sales channels")
        List<String> channels,

        @Schema(description = "Only the lines of these item categories")
        @Description("Only the lines of these item categories")
        List<String> categories,

        @Schema(description = "Only accounts in these tiers") @Description("Only accounts in these tiers")
        List<String> tiers,

        @Schema(description = "Only members of this segment") @Description("Only members of this segment")
        UUID segmentId,

        @Schema(description = "Only customers whose attribute of this key has attributeValue")
        @Description("Only customers whose attribute of this key has attributeValue")
        String attributeKey,

        @Schema(description = "The value attributeKey must have") @Description("The value attributeKey must have")
        String attributeValue,

        @Schema(description = "Only the account's first purchase") @Description("Only the account's first purchase")
        Boolean firstPurchase,

        @Schema(description = "Only purchases in the birthday month")
        @Description("Only purchases in the birthday month")
        Boolean birthdayMonth,

        @Schema(description = "At most this many points per purchase")
        @Description("At most this many points per purchase")
        Long maxPoints,

        @Schema(description = "Only purchases made from then") @Description("Only purchases made from then")
        OffsetDateTime validFrom,

        @Schema(description = "Only purchases made before then") @Description("Only purchases made before then")
        OffsetDateTime validUntil,

        @Schema(description = "Whether it counts") @Description("Whether it counts")
        boolean enabled,

        @Schema(description = "The partner that defined it; absent for in-house rules")
        @Description("The partner that defined it; null for in-house rules")
        String partnerId,

        @Schema(description = "When it was created") @Description("When it was created")
        OffsetDateTime createdAt,

        @Schema(description = "When it last changed") @Description("When it last changed")
        OffsetDateTime updatedAt,

        @Schema(description = "Version; the ETag carries the same value")
        @Description("Version; the ETag carries the same value")
        long version) {}
