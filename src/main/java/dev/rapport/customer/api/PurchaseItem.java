package dev.rapport.customer.api;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("PurchaseItem")
@Input("PurchaseItemInput")
@Description("One line of a purchase")
@Schema(name = "PurchaseItem", description = "One line of a purchase")
public record PurchaseItem(
        @Schema(description = "Product code", examples = "SKU-123", required = true)
        @Description("Product code")
        @NotBlank
        @Size(max = 64)
        String sku,

        @Schema(description = "Product name", examples = "Espresso cups") @Description("Product name") @Size(max = 200)
        String name,

        @Schema(description = "Product category, as loyalty earning rules name it", examples = "kitchen")
        @Description("Product category, as loyalty earning rules name it")
        @Size(max = 64)
        String category,

        @Schema(description = "Quantity", examples = "2", required = true) @Description("Quantity") @Min(1) @Max(100000)
        int quantity,

        @Schema(description = "Price of one unit, in the purchase currency", examples = "12.50")
        @Description("Price of one unit, in the purchase currency")
        @DecimalMin("0")
        @Digits(integer = 15, fraction = 4)
        BigDecimal unitPrice) {}
