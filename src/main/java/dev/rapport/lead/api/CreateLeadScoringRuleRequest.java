package dev.rapport.lead.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Input("LeadScoringRuleInput")
@Description("A scoring rule to define")
@Schema(
        description = "A scoring rule: its points count towards the score of every lead its condition holds for. A "
                + "PATCH (application/merge-patch+json) sends any subset of the fields.")
public record CreateLeadScoringRuleRequest(
        @Schema(description = "Name", required = true, examples = "Large company")
        @Description("Name")
        @NotBlank
        @Size(max = 200)
        String name,

        @Schema(
                description =
                        "RSQL over lead fields (README, Leads), for example `company.size=in=(201-1000,1001-5000)` "
                                + "or `notesLast30Days=ge=3`",
                required = true,
                examples = "source==referral")
        @Description("RSQL over lead fields")
        @NotBlank
        @Size(max = 2000)
        String condition,

        @Schema(description = "Points, -1000 to 1000; negative ones lower the score", required = true, examples = "15")
        @Description("Points, -1000 to 1000")
        @NotNull
        @Min(-1000)
        @Max(1000)
        Integer points,

        @Schema(description = "Whether it counts; true when omitted")
        @Description("Whether it counts; true when omitted")
        Boolean enabled) {}
