package dev.rapport.loyalty.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.platform.time.Plausible;

@Input("LoyaltyRewardInput")
@Description("A reward to offer")
@Schema(
        name = "CreateLoyaltyReward",
        description = "A reward of a program's catalogue. A PATCH (application/merge-patch+json) may change any field "
                + "but the program; setting stock restocks it.")
public record CreateRewardRequest(
        @Schema(description = "The program", required = true) @Description("The program") @NotNull
        UUID programId,

        @Schema(description = "Name", required = true, examples = "Free espresso")
        @Description("Name")
        @NotBlank
        @Size(max = 200)
        String name,

        @Schema(description = "What it is") @Description("What it is") @Size(max = 2000)
        String description,

        @Schema(description = "Its cost in points", required = true, examples = "250")
        @Description("Its cost in points")
        @NotNull
        @Min(1)
        @Max(1_000_000_000)
        Long cost,

        @Schema(description = "How many are left; unlimited when omitted", examples = "100")
        @Description("How many are left; unlimited when null")
        @Min(0)
        @Max(1_000_000_000)
        Long stock,

        @Schema(description = "How many one customer may redeem; unlimited when omitted", examples = "1")
        @Description("How many one customer may redeem; unlimited when null")
        @Min(1)
        @Max(1_000_000)
        Integer perCustomerLimit,

        @Schema(description = "Only accounts in these tiers")
        @Description("Only accounts in these tiers")
        @Size(max = 20)
        List<@Pattern(regexp = "[a-z0-9_]{1,40}", message = "must be a tier key") String> tiers,

        @Schema(description = "Only members of this segment") @Description("Only members of this segment")
        UUID segmentId,

        @Schema(description = "Redeemable from then") @Description("Redeemable from then") @Plausible(ahead = "P3660D")
        OffsetDateTime validFrom,

        @Schema(description = "Redeemable until then")
        @Description("Redeemable until then")
        @Plausible(ahead = "P3660D")
        OffsetDateTime validUntil,

        @Schema(description = "Whether it is offered; true when omitted") @Description("Whether it is offered")
        Boolean enabled) {}
