package dev.rapport.lead.api;

import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Input("ConvertLeadInput")
@Description("How to convert a lead")
@Schema(
        description = "How to convert a lead: to the customer named, else to the customer whose email or phone "
                + "matches the lead's in the caller's scope, else to a new customer")
public record ConvertLeadRequest(
        @Schema(description = "The existing customer to link the lead to")
        @Description("The existing customer to link the lead to")
        UUID customerId,

        @Schema(description = "The won stage to move the lead to; the pipeline's first won stage when omitted")
        @Description("The won stage to move the lead to; the pipeline's first won stage when null")
        @Size(max = 40)
        String stage) {}
