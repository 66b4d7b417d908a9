package dev.rapport.customer.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.platform.time.Plausible;

@Input("PurchaseInput")
@Description("A purchase to record")
@Schema(description = "A purchase to record")
public record CreatePurchaseRequest(
        @Schema(description = "Order reference, unique per customer", examples = "ORD-2026-0042", required = true)
        @Description("Order reference, unique per customer")
        @NotBlank
        @Size(max = 64)
        String orderRef,

        @Schema(
                description = "Exact decimal amount, at most the currency's minor units: a JSON number, read as a "
                        + "decimal (a decimal string such as \"129.90\" is accepted too)",
                examples = "129.90",
                required = true)
        @Description("Exact decimal amount")
        @NotNull
        @DecimalMin("0")
        @Digits(integer = 15, fraction = 4)
        BigDecimal amount,

        @Schema(description = "ISO 4217 currency code", examples = "EUR", required = true)
        @Description("ISO 4217 currency code")
        @NotNull
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
        String currency,

        @Schema(description = "Lines of the purchase") @Description("Lines of the purchase") @Size(max = 200)
        List<@NotNull @Valid PurchaseItem> items,

        @Schema(description = "Sales channel", examples = "web") @Description("Sales channel") @Size(max = 40)
        String channel,

        @Schema(description = "When the purchase happened, from 1900 to a day from now; now when omitted")
        @Description("When the purchase happened, from 1900 to a day from now; now when omitted")
        @Plausible
        OffsetDateTime occurredAt) {}
