package dev.rapport.lead.api;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Input("LeadAssignmentRuleInput")
@Description("An assignment rule to define")
@Schema(
        description = "An assignment rule: the first enabled rule by position whose condition holds gives a new lead "
                + "without an owner its owner, ownerId or the next of pool in turn. Give exactly one of ownerId and "
                + "pool. A PATCH (application/merge-patch+json) sends any subset of the fields.")
public record CreateLeadAssignmentRuleRequest(
        @Schema(description = "Name", required = true, examples = "Referrals to the partner desk")
        @Description("Name")
        @NotBlank
        @Size(max = 200)
        String name,

        @Schema(description = "RSQL over lead fields; every lead when omitted", examples = "source==referral")
        @Description("RSQL over lead fields; every lead when null")
        @Size(max = 2000)
        String condition,

        @Schema(description = "Order among the assignment rules, lowest first; 0 when omitted")
        @Description("Order among the assignment rules, lowest first; 0 when null")
        @Min(0)
        @Max(100000)
        Integer position,

        @Schema(description = "The owner every matching lead gets", examples = "sam.sales")
        @Description("The owner every matching lead gets")
        @Size(max = 200)
        String ownerId,

        @Schema(description = "Owners taking matching leads in turn (round robin)", examples = "[\"ana\", \"ben\"]")
        @Description("Owners taking matching leads in turn (round robin)")
        @Size(max = 100)
        List<String> pool,

        @Schema(description = "Whether it applies; true when omitted")
        @Description("Whether it applies; true when null")
        Boolean enabled) {}
