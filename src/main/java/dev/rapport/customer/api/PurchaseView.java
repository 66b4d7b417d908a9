package dev.rapport.customer.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.customer.CustomerEvent;

@Type("Purchase")
@Description("A purchase made by a customer")
@Schema(
        name = "Purchase",
        extensions = {
            @Extension(name = "x-event-types", value = CustomerEvent.PURCHASE_RECORDED),
            @Extension(name = "x-event-example", value = CustomerEvent.PURCHASE_RECORDED_EXAMPLE, parseValue = true)
        },
        description = "A purchase made by a customer")
public record PurchaseView(
        @Schema(description = "Purchase id") @Description("Purchase id")
        UUID id,

        @Schema(description = "Customer id") @Description("Customer id")
        UUID customerId,

        @Schema(description = "Order reference, unique per customer")
        @Description("Order reference, unique per customer")
        String orderRef,

        @Schema(description = "Exact decimal amount") @Description("Exact decimal amount")
        BigDecimal amount,

        @Schema(description = "ISO 4217 currency code") @Description("ISO 4217 currency code")
        String currency,

        @Schema(description = "How much of the amount was refunded") @Description("How much of the amount was refunded")
        BigDecimal refundedAmount,

        @Schema(description = "Lines of the purchase") @Description("Lines of the purchase")
        List<PurchaseItem> items,

        @Schema(description = "Sales channel") @Description("Sales channel")
        String channel,

        @Schema(description = "When the purchase happened") @Description("When the purchase happened")
        OffsetDateTime occurredAt,

        @Schema(description = "When it was recorded") @Description("When it was recorded")
        OffsetDateTime createdAt) {}
