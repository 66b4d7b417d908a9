package dev.rapport.loyalty.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Input("LoyaltyProgramInput")
@Description("A loyalty program to define")
@Schema(
        description = "A loyalty program. A PATCH (application/merge-patch+json) may change any field; tiers are "
                + "replaced whole, and a tier accounts are in cannot be removed.")
public record CreateLoyaltyProgramRequest(
        @Schema(description = "Name", required = true, examples = "Rapport Rewards")
        @Description("Name")
        @NotBlank
        @Size(max = 200)
        String name,

        @Schema(description = "What the points are called", required = true, examples = "stars")
        @Description("What the points are called")
        @NotBlank
        @Size(max = 40)
        String pointsName,

        @Schema(description = "ISO 4217 currency spend is counted in", required = true, examples = "EUR")
        @Description("ISO 4217 currency spend is counted in")
        @NotNull
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
        String currency,

        @Schema(description = "IANA time zone for dates such as the end of a year; UTC when omitted")
        @Description("IANA time zone for dates such as the end of a year; UTC when omitted")
        @Size(max = 64)
        String timeZone,

        @Schema(description = "Tiers by ascending threshold; none for a program without tiers")
        @Description("Tiers by ascending threshold")
        @Size(max = 20)
        List<@NotNull @Valid LoyaltyTier> tiers,

        @Schema(description = "What tiers count; points earned over P12M when omitted")
        @Description("What tiers count; points earned over P12M when omitted")
        @Valid
        LoyaltyQualification qualification,

        @Schema(description = "When points expire; never when omitted")
        @Description("When points expire; never when omitted")
        @Valid
        LoyaltyExpiryPolicy expiry,

        @Schema(
                description = "The return window: days before points earned from a purchase become available (a "
                        + "refund before then cancels them); 0 when omitted",
                examples = "14")
        @Description("The return window: days before points earned from a purchase become available; 0 when omitted")
        @jakarta.validation.constraints.Min(0)
        @jakarta.validation.constraints.Max(365)
        Integer pendingDays) {}
