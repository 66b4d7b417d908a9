package dev.rapport.customer.api;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Input("RefundInput")
@Description("A refund of a purchase")
@Schema(name = "CreateRefund", description = "A refund of a purchase, in the purchase's currency")
public record CreateRefundRequest(
        @Schema(
                description = "Exact decimal amount refunded, at most what is left of the purchase; all of that when "
                        + "omitted",
                examples = "29.90")
        @Description("Exact decimal amount refunded, at most what is left of the purchase; all of that when omitted")
        @DecimalMin(value = "0", inclusive = false)
        @Digits(integer = 15, fraction = 4)
        BigDecimal amount,

        @Schema(description = "Why, as the business records it", examples = "damaged in transit")
        @Description("Why")
        @Size(max = 200)
        String reason) {}
