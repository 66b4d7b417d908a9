package dev.rapport.loyalty.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("LoyaltyTier")
@Description("A tier of a loyalty program")
@Schema(name = "LoyaltyTier", description = "A tier of a loyalty program")
public record LoyaltyTier(
        @Schema(description = "Key an account's tier names, unique in the program", required = true, examples = "gold")
        @Description("Key an account's tier names, unique in the program")
        @NotNull
        @Pattern(regexp = "[a-z0-9_]{1,40}", message = "must be 1 to 40 lower-case letters, digits or _")
        String key,

        @Schema(description = "Name to show", required = true, examples = "Gold")
        @Description("Name to show")
        @NotBlank
        @Size(max = 100)
        String name,

        @Schema(
                description = "What qualifies for the tier over the qualification period: points earned, or spend in "
                        + "the program's currency (whole units); the first tier usually has 0",
                required = true,
                examples = "1000")
        @Description("What qualifies for the tier over the qualification period (points, or whole currency units)")
        @NotNull
        @Min(0)
        @Max(1_000_000_000_000L)
        Long threshold) {}
