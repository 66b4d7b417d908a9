package dev.rapport.lead.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.customer.api.CustomerView;

@Type("LeadConversion")
@Description("What converting a lead did")
@Schema(name = "LeadConversion", description = "What converting a lead did: the customer, and whether it was new")
public record LeadConversionView(
        @Schema(description = "The lead, now in a won stage") @Description("The lead, now in a won stage")
        LeadView lead,

        @Schema(description = "The customer") @Description("The customer")
        CustomerView customer,

        @Schema(
                description = "created (a new customer) or linked (an existing one)",
                enumeration = {"created", "linked"})
        @Description("created (a new customer) or linked (an existing one)")
        String outcome,

        @Schema(
                description = "Why: new (no customer matched), requested (the request named it), email or phone (that "
                        + "normalized contact matched)",
                enumeration = {"new", "requested", "email", "phone"})
        @Description("Why: new, requested, email or phone")
        String matchedBy) {}
