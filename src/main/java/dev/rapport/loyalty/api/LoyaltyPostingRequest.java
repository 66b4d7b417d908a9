package dev.rapport.loyalty.api;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Input("LoyaltyPostingInput")
@Description("A posting to an account's ledger")
@Schema(
        name = "LoyaltyPosting",
        description = "A posting to an account's ledger. earn, redeem and transfer take positive points; adjust "
                + "takes positive or negative points; reverse names the entry it reverses and may take fewer points "
                + "than are left to reverse (all of them when omitted). Expiry is posted by the service only.")
public record LoyaltyPostingRequest(
        @Schema(
                description = "What the posting does",
                required = true,
                enumeration = {"earn", "redeem", "adjust", "reverse", "transfer"})
        @Description("earn, redeem, adjust, reverse or transfer")
        @NotNull
        @Pattern(
                regexp = "earn|redeem|adjust|reverse|transfer",
                message = "must be earn, redeem, adjust, reverse or transfer")
        String type,

        @Schema(description = "Points: positive, or for adjust positive or negative", examples = "250")
        @Description("Points: positive, or for adjust positive or negative")
        @Min(-1_000_000_000)
        @Max(1_000_000_000)
        Long points,

        @Schema(description = "Why, as a code reports group by", examples = "goodwill")
        @Description("Why, as a code reports group by")
        @Pattern(regexp = "[a-z0-9_.-]{1,64}", message = "must be 1 to 64 lower-case letters, digits, _, . or -")
        String reasonCode,

        @Schema(description = "Free text for the people reading the ledger")
        @Description("Free text for the people reading the ledger")
        @Size(max = 1000)
        String note,

        @Schema(description = "For reverse: the entry reversed") @Description("For reverse: the entry reversed")
        UUID reverses,

        @Schema(description = "For transfer: the receiving account, of the same program")
        @Description("For transfer: the receiving account, of the same program")
        UUID toAccountId) {}
