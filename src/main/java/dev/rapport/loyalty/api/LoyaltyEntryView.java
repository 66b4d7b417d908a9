package dev.rapport.loyalty.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

@Type("LoyaltyEntry")
@Description("An entry of a loyalty account's ledger")
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "LoyaltyEntry", description = "An entry of a loyalty account's ledger; entries never change")
public record LoyaltyEntryView(
        @Schema(description = "Entry id; absent in a simulation") @Description("Entry id; null in a simulation")
        UUID id,

        @Schema(description = "The account") @Description("The account")
        UUID accountId,

        @Schema(
                description = "What the entry did",
                enumeration = {"earn", "redeem", "adjust", "expire", "reverse", "transfer"})
        @Description("earn, redeem, adjust, expire, reverse or transfer")
        String type,

        @Schema(description = "Points added (positive) or taken (negative)")
        @Description("Points added (positive) or taken (negative)")
        long points,

        @Schema(description = "The balance the entry left") @Description("The balance the entry left")
        long balanceAfter,

        @Schema(description = "Why, as a code") @Description("Why, as a code")
        String reasonCode,

        @Schema(description = "Free text") @Description("Free text")
        String note,

        @Schema(description = "The earning rule that caused it, when one alone did")
        @Description("The earning rule that caused it, when one alone did")
        UUID ruleId,

        @Schema(description = "The purchase that caused it") @Description("The purchase that caused it")
        UUID purchaseId,

        @Schema(description = "For expire: the lot of points that expired")
        @Description("For expire: the lot of points that expired")
        UUID lotId,

        @Schema(description = "For reverse: the entry reversed") @Description("For reverse: the entry reversed")
        UUID reverses,

        @Schema(description = "For transfer: the other account's entry")
        @Description("For transfer: the other account's entry")
        UUID linkedEntryId,

        @Schema(
                description =
                        "Who posted it: a person, a client, or system for the service's own postings (earnings from purchases, expiry)")
        @Description("Who posted it")
        String actor,

        @Schema(description = "When it was posted") @Description("When it was posted")
        OffsetDateTime createdAt) {}
