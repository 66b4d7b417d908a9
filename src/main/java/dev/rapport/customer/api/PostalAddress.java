package dev.rapport.customer.api;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Description("A postal address of a customer")
@Schema(description = "A postal address of a customer")
public record PostalAddress(
        @Description("Free label such as home, billing or shipping")
        @Schema(description = "Free label such as home, billing or shipping", examples = "home")
        @Size(max = 40)
        String label,

        @Description("Street and number")
        @Schema(description = "Street and number", examples = "12 Analytical Row")
        @Size(max = 200)
        String line1,

        @Description("Further address line") @Schema(description = "Further address line") @Size(max = 200)
        String line2,

        @Description("City or town") @Schema(description = "City or town", examples = "London") @Size(max = 100)
        String city,

        @Description("State, county or region") @Schema(description = "State, county or region") @Size(max = 100)
        String region,

        @Description("Postal code") @Schema(description = "Postal code", examples = "N1 9GU") @Size(max = 20)
        String postalCode,

        @Description("ISO 3166-1 alpha-2 country code")
        @Schema(description = "ISO 3166-1 alpha-2 country code", examples = "GB")
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as GB")
        String country) {}
