package dev.rapport.lead.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("LeadScore")
@Description("A lead's score explained rule by rule")
@Schema(name = "LeadScore", description = "A lead's score explained rule by rule, computed now")
public record LeadScoreView(
        @Schema(description = "The lead") @Description("The lead")
        UUID leadId,

        @Schema(description = "The score stored with the lead, computed at its last change")
        @Description("The score stored with the lead, computed at its last change")
        int score,

        @Schema(
                description = "The score the rules give now; differs from score when a rule tests time (notes in "
                        + "the last 30 days) or the rules changed since the lead last did")
        @Description("The score the rules give now")
        int current,

        @Schema(description = "When it was computed") @Description("When it was computed")
        OffsetDateTime computedAt,

        @Schema(description = "Every enabled rule, whether it holds and the points it gives")
        @Description("Every enabled rule, whether it holds and the points it gives")
        List<Contribution> rules) {

    @Type("LeadScoreContribution")
    @Description("What one scoring rule gives a lead")
    @Schema(name = "LeadScoreContribution", description = "What one scoring rule gives a lead")
    public record Contribution(
            @Schema(description = "Rule id") @Description("Rule id")
            UUID ruleId,

            @Schema(description = "Rule name") @Description("Rule name")
            String name,

            @Schema(description = "Its condition") @Description("Its condition")
            String condition,

            @Schema(description = "Its points") @Description("Its points")
            int points,

            @Schema(description = "Whether the condition holds") @Description("Whether the condition holds")
            boolean matched,

            @Schema(description = "The points it gives the lead: its points when it holds, else 0")
            @Description("The points it gives the lead: its points when it holds, else 0")
            int contributed) {}
}
