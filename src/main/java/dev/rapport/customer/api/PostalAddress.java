package dev.rapport.customer.api;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A postal address of a customer")
public record PostalAddress(
        @Schema(description = "Free label such as home, billing or shipping", examples = "home") @Size(max = 40) String label,
        @Schema(description = "Street and number", examples = "12 Analytical Row") @Size(max = 200) String line1,
        @Schema(description = "Further address line") @Size(max = 200) String line2,
        @Schema(description = "City or town", examples = "London") @Size(max = 100) String city,
        @Schema(description = "State, county or region") @Size(max = 100) String region,
        @Schema(description = "Postal code", examples = "N1 9GU") @Size(max = 20) String postalCode,
        @Schema(description = "ISO 3166-1 alpha-2 country code", examples = "GB")
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as GB") String country) {
}
