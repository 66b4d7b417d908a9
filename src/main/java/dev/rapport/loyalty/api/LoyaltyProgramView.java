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

@Type("LoyaltyProgram")
@Description("A loyalty program")
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        name = "LoyaltyProgram",
        extensions = @Extension(name = "x-event-types", value = LoyaltyEvent.PROGRAM_CREATED),
        description = "A loyalty program: its points, tiers, tier qualification and expiry policy")
public record LoyaltyProgramView(
        @Schema(description = "Program id") @Description("Program id")
        UUID id,

        @Schema(description = "Name") @Description("Name") String name,

        @Schema(description = "What the points are called") @Description("What the points are called")
        String pointsName,

        @Schema(description = "ISO 4217 currency spend is counted in")
        @Description("ISO 4217 currency spend is counted in")
        String currency,

        @Schema(description = "IANA time zone of the program's dates")
        @Description("IANA time zone of the program's dates")
        String timeZone,

        @Schema(description = "Tiers by ascending threshold") @Description("Tiers by ascending threshold")
        List<LoyaltyTier> tiers,

        @Schema(description = "What tiers count") @Description("What tiers count")
        LoyaltyQualification qualification,

        @Schema(description = "When points expire") @Description("When points expire")
        LoyaltyExpiryPolicy expiry,

        @Schema(description = "Days before points earned from a purchase become available")
        @Description("Days before points earned from a purchase become available")
        int pendingDays,

        @Schema(description = "The partner that defined it; absent for in-house programs")
        @Description("The partner that defined it; null for in-house programs")
        String partnerId,

        @Schema(description = "When it was created") @Description("When it was created")
        OffsetDateTime createdAt,

        @Schema(description = "When it last changed") @Description("When it last changed")
        OffsetDateTime updatedAt,

        @Schema(description = "Version; the ETag carries the same value")
        @Description("Version; the ETag carries the same value")
        long version) {}
