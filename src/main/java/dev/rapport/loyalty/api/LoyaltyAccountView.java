package dev.rapport.loyalty.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.rapport.loyalty.LoyaltyEvent;

@Type("LoyaltyAccount")
@Description("A customer's account in a loyalty program")
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        name = "LoyaltyAccount",
        extensions = @Extension(name = "x-event-types", value = LoyaltyEvent.ACCOUNT_ENROLLED),
        description = "A customer's account in a loyalty program: its card, balance and tier")
public record LoyaltyAccountView(
        @Schema(description = "Account id") @Description("Account id")
        UUID id,

        @Schema(description = "The program") @Description("The program")
        UUID programId,

        @Schema(description = "The customer") @Description("The customer")
        UUID customerId,

        @Schema(description = "The current card's number: 16 digits, the last a Luhn check digit")
        @Description("The current card's number: 16 digits, the last a Luhn check digit")
        String cardNumber,

        @Schema(description = "Points available: the sum of the ledger")
        @Description("Points available: the sum of the ledger")
        long balance,

        @Schema(description = "Points earned that are not available yet (a return window)")
        @Description("Points earned that are not available yet (a return window)")
        long pendingPoints,

        @Schema(description = "Points earned over the account's life, reversals of earnings deducted")
        @Description("Points earned over the account's life, reversals of earnings deducted")
        long lifetimeEarned,

        @Schema(description = "The tier's key; absent in a program without tiers")
        @Description("The tier's key; null in a program without tiers")
        String tier,

        @Schema(description = "Since when the account is in its tier")
        @Description("Since when the account is in its tier")
        OffsetDateTime tierSince,

        @Schema(description = "The partner owning the customer; absent for in-house customers")
        @Description("The partner owning the customer; null for in-house customers")
        String partnerId,

        @Schema(description = "When the customer enrolled") @Description("When the customer enrolled")
        OffsetDateTime enrolledAt,

        @Schema(description = "When the account last changed") @Description("When the account last changed")
        OffsetDateTime updatedAt,

        @Schema(description = "Where the account stands towards the next tier; in GET of one account only")
        @Description("Where the account stands towards the next tier (one account at a time)")
        LoyaltyTierProgress tierProgress) {}
