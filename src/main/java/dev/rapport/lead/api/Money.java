package dev.rapport.lead.api;

import java.math.BigDecimal;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("MoneyAmount")
@Description("An exact amount in one currency")
@Schema(name = "MoneyAmount", description = "An exact amount in one currency")
public record Money(
        @Schema(description = "ISO 4217 currency") @Description("ISO 4217 currency")
        String currency,

        @Schema(description = "Exact decimal amount") @Description("Exact decimal amount")
        BigDecimal amount) {}
