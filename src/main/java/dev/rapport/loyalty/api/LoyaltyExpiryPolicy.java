package dev.rapport.loyalty.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("LoyaltyExpiryPolicy")
@Description("When a program's points expire")
@Schema(name = "LoyaltyExpiryPolicy", description = "When a program's points expire, lot by lot")
public record LoyaltyExpiryPolicy(
        @Schema(
                description = "never; after_period (the period after they were earned); end_of_following_year (the "
                        + "end of the year after the one they were earned in, in the program's time zone)",
                required = true,
                enumeration = {"never", "after_period", "end_of_following_year"})
        @Description("never, after_period or end_of_following_year")
        @NotNull
        @Pattern(
                regexp = "never|after_period|end_of_following_year",
                message = "must be never, after_period or end_of_following_year")
        String policy,

        @Schema(description = "For after_period: how long points last, ISO 8601", examples = "P12M")
        @Description("For after_period: how long points last, ISO 8601 (P12M)")
        @Pattern(regexp = "P(\\d{1,3}Y)?(\\d{1,4}M)?(\\d{1,5}D)?", message = "must be an ISO 8601 period such as P12M")
        String period,

        @Schema(description = "How many days before points expire loyalty.points_expiring tells; 30 when omitted")
        @Description("How many days before points expire loyalty.points_expiring tells; 30 when omitted")
        @Min(1)
        @Max(366)
        Integer noticeDays) {}
