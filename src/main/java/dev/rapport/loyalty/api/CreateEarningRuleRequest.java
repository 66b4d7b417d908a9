package dev.rapport.loyalty.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
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

@Input("LoyaltyEarningRuleInput")
@Description("An earning rule to define")
@Schema(
        name = "CreateLoyaltyEarningRule",
        description = "An earning rule: spend (points per currency unit of a purchase, or of its lines in the rule's "
                + "categories), multiplier (the spend points of the same lines times the multiplier) or bonus (fixed "
                + "points), when every condition given holds. A PATCH (application/merge-patch+json) may change any "
                + "field but the program.")
public record CreateEarningRuleRequest(
        @Schema(description = "The program", required = true) @Description("The program") @NotNull
        UUID programId,

        @Schema(description = "Name", required = true, examples = "Double points for lapsed VIPs")
        @Description("Name")
        @NotBlank
        @Size(max = 200)
        String name,

        @Schema(
                description = "spend, multiplier or bonus",
                required = true,
                enumeration = {"spend", "multiplier", "bonus"})
        @Description("spend, multiplier or bonus")
        @NotNull
        @Pattern(regexp = "spend|multiplier|bonus", message = "must be spend, multiplier or bonus")
        String kind,

        @Schema(description = "For spend: points per unit of the program's currency (rounded down)", examples = "1")
        @Description("For spend: points per unit of the program's currency (rounded down)")
        @DecimalMin(value = "0", inclusive = false)
        @DecimalMax("10000")
        @Digits(integer = 5, fraction = 4)
        BigDecimal pointsPerUnit,

        @Schema(description = "For multiplier: the factor, above 1", examples = "2")
        @Description("For multiplier: the factor, above 1")
        @DecimalMin(value = "1", inclusive = false)
        @DecimalMax("100")
        @Digits(integer = 3, fraction = 4)
        BigDecimal multiplier,

        @Schema(description = "For bonus: the points", examples = "100")
        @Description("For bonus: the points")
        @Min(1)
        @Max(1_000_000_000)
        Long points,

        @Schema(description = "Only purchases in these sales channels")
        @Description("Only purchases in these sales channels")
        @Size(max = 50)
        List<@Pattern(regexp = LABEL, message = "must be 1 to 64 characters, not blank") String> channels,

        @Schema(description = "Only the lines of these item categories (spend and multiplier)")
        @Description("Only the lines of these item categories (spend and multiplier)")
        @Size(max = 50)
        List<@Pattern(regexp = LABEL, message = "must be 1 to 64 characters, not blank") String> categories,

        @Schema(description = "Only accounts in these tiers")
        @Description("Only accounts in these tiers")
        @Size(max = 20)
        List<@Pattern(regexp = "[a-z0-9_]{1,40}", message = "must be a tier key") String> tiers,

        @Schema(description = "Only members of this segment") @Description("Only members of this segment")
        UUID segmentId,

        @Schema(description = "Only customers whose custom attribute of this key ...", examples = "member_type")
        @Description("Only customers whose custom attribute of this key has attributeValue")
        @Pattern(regexp = "[A-Za-z0-9_]{1,64}", message = "must be 1 to 64 letters, digits or _")
        String attributeKey,

        @Schema(description = "... has this value (as text)", examples = "staff")
        @Description("The value attributeKey must have (as text)")
        @Size(max = 200)
        String attributeValue,

        @Schema(description = "Only the account's first purchase") @Description("Only the account's first purchase")
        Boolean firstPurchase,

        @Schema(description = "Only purchases in the customer's birthday month (the program's time zone)")
        @Description("Only purchases in the customer's birthday month (the program's time zone)")
        Boolean birthdayMonth,

        @Schema(description = "At most this many points per purchase")
        @Description("At most this many points per purchase")
        @Min(1)
        @Max(1_000_000_000)
        Long maxPoints,

        @Schema(description = "Only purchases made from then")
        @Description("Only purchases made from then")
        @Plausible(ahead = "P3660D")
        OffsetDateTime validFrom,

        @Schema(description = "Only purchases made before then")
        @Description("Only purchases made before then")
        @Plausible(ahead = "P3660D")
        OffsetDateTime validUntil,

        @Schema(description = "Whether it counts; true when omitted")
        @Description("Whether it counts; true when omitted")
        Boolean enabled) {

    /** A channel or category: 1 to 64 characters, not blank at either end. */
    public static final String LABEL = "\\S(.{0,62}\\S)?";
}
