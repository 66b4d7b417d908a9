package dev.rapport.customer.api;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Input("MergeCustomerInput")
@Description("Which customer to merge into this one, and which values win")
@Schema(description = "Which customer to merge into this one, and which values win")
public record MergeCustomerRequest(
        @Description("The duplicate: its records move to this customer, and its id answers with this customer")
        @Schema(
                description = "The duplicate: its records move to this customer, and its id answers with this customer",
                required = true)
        @NotNull
        UUID duplicateId,

        @Description("Fields whose value is taken from the duplicate where both have one: givenName, familyName, "
                + "birthday, locale, timeZone, ownerId. Elsewhere this customer's value wins, and the duplicate's is "
                + "taken where this customer has none.")
        @Schema(
                description = "Fields whose value is taken from the duplicate where both have one. Elsewhere this "
                        + "customer's value wins, and the duplicate's is taken where this customer has none.",
                type = SchemaType.ARRAY,
                enumeration = {"externalId", "givenName", "familyName", "birthday", "locale", "timeZone", "ownerId"})
        @Size(max = 6)
        List<String> fromDuplicate,

        @Description("The email address to make primary, of either customer; default this customer's primary")
        @Schema(description = "The email address to make primary, of either customer; default this customer's primary")
        String primaryEmail,

        @Description("The phone number to make primary, of either customer; default this customer's primary")
        @Schema(description = "The phone number to make primary, of either customer; default this customer's primary")
        String primaryPhone) {}
