package dev.rapport.loyalty.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("LoyaltyQualification")
@Description("What a program's tiers count, over which rolling period")
@Schema(name = "LoyaltyQualification", description = "What a program's tiers count, over which rolling period")
public record LoyaltyQualification(
        @Schema(
                description = "points (points earned) or spend (purchases in the program's currency)",
                required = true,
                enumeration = {"points", "spend"})
        @Description("points or spend")
        @NotNull
        @Pattern(regexp = "points|spend", message = "must be points or spend")
        String basis,

        @Schema(description = "The rolling period counted, ISO 8601", required = true, examples = "P12M")
        @Description("The rolling period counted, ISO 8601 (P12M)")
        @NotNull
        @Pattern(regexp = "P(\\d{1,3}Y)?(\\d{1,4}M)?(\\d{1,5}D)?", message = "must be an ISO 8601 period such as P12M")
        String period) {}
