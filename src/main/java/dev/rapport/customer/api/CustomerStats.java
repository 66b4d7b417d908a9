package dev.rapport.customer.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("CustomerStats")
@Description("Figures derived from a customer's purchases")
@Schema(name = "CustomerStats", description = "Figures derived from a customer's purchases")
public record CustomerStats(
        @Schema(description = "Number of purchases") @Description("Number of purchases")
        long purchaseCount,

        @Schema(description = "Sum of purchase amounts, one entry per currency")
        @Description("Sum of purchase amounts, one entry per currency")
        List<Money> lifetimeValue,

        @Schema(description = "When the first purchase happened") @Description("When the first purchase happened")
        OffsetDateTime firstPurchaseAt,

        @Schema(description = "When the last purchase happened") @Description("When the last purchase happened")
        OffsetDateTime lastPurchaseAt) {

    public static final CustomerStats EMPTY = new CustomerStats(0, List.of(), null, null);

    @Type("Money")
    @Description("An amount in one currency")
    @Schema(name = "Money", description = "An amount in one currency")
    public record Money(
            @Schema(description = "Exact decimal amount", examples = "129.90") @Description("Exact decimal amount")
            BigDecimal amount,

            @Schema(description = "ISO 4217 currency code", examples = "EUR") @Description("ISO 4217 currency code")
            String currency) {}
}
