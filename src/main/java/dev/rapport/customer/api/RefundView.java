package dev.rapport.customer.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.rapport.customer.CustomerEvent;

@Type("Refund")
@Description("A refund of a purchase")
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        name = "Refund",
        extensions = @Extension(name = "x-event-types", value = CustomerEvent.PURCHASE_REFUNDED),
        description = "A refund of a purchase")
public record RefundView(
        @Schema(description = "Refund id") @Description("Refund id")
        UUID id,

        @Schema(description = "The purchase") @Description("The purchase")
        UUID purchaseId,

        @Schema(description = "Customer id") @Description("Customer id")
        UUID customerId,

        @Schema(description = "The amount refunded") @Description("The amount refunded")
        BigDecimal amount,

        @Schema(description = "ISO 4217 currency code") @Description("ISO 4217 currency code")
        String currency,

        @Schema(description = "The purchase's whole amount") @Description("The purchase's whole amount")
        BigDecimal purchaseAmount,

        @Schema(description = "How much of the purchase is refunded now, this refund included")
        @Description("How much of the purchase is refunded now, this refund included")
        BigDecimal refundedAmount,

        @Schema(description = "Why") @Description("Why") String reason,

        @Schema(description = "When it was recorded") @Description("When it was recorded")
        OffsetDateTime createdAt) {}
