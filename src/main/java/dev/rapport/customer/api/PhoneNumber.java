package dev.rapport.customer.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Description("A phone number of a customer, normalized to E.164. At most one is primary.")
@Schema(description = "A phone number of a customer, normalized to E.164. At most one is primary.")
public record PhoneNumber(
        @Description("The number in international form; spaces, dots, dashes and brackets are removed")
        @Schema(
                description = "The number in international form; spaces, dots, dashes and brackets are removed",
                examples = "+44 20 7946 0958",
                required = true)
        @NotBlank
        @Size(max = 32)
        String number,

        @Description("Whether this is the customer's primary number; the first one is primary when none is marked")
        @Schema(
                description =
                        "Whether this is the customer's primary number; the first one is primary when none is marked")
        Boolean primary,

        @Description("Free label such as mobile or work")
        @Schema(description = "Free label such as mobile or work", examples = "mobile")
        @Size(max = 40)
        String label) {}
