package dev.rapport.customer.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Description("An email address of a customer. Stored lower-cased; at most one is primary.")
@Schema(description = "An email address of a customer. Stored lower-cased; at most one is primary.")
public record EmailAddress(
        @Description("The address")
        @Schema(description = "The address", examples = "ada@example.com", required = true)
        @NotBlank
        @Email
        @Size(max = 254)
        String address,

        @Description("Whether this is the customer's primary address; the first one is primary when none is marked")
        @Schema(
                description =
                        "Whether this is the customer's primary address; the first one is primary when none is marked")
        Boolean primary,

        @Description("Free label such as work or home")
        @Schema(description = "Free label such as work or home", examples = "work")
        @Size(max = 40)
        String label) {}
