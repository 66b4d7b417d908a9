package dev.rapport.lead.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.rapport.lead.LeadEvent;

@Type("LeadScoringRule")
@Description("A lead scoring rule")
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        name = "LeadScoringRule",
        extensions = @Extension(name = "x-event-types", value = LeadEvent.SCORING_RULE_CREATED),
        description = "A lead scoring rule: points for the leads its condition holds for")
public record LeadScoringRuleView(
        @Schema(description = "Rule id") @Description("Rule id")
        UUID id,

        @Schema(description = "Name") @Description("Name") String name,

        @Schema(description = "RSQL over lead fields") @Description("RSQL over lead fields")
        String condition,

        @Schema(description = "Points") @Description("Points")
        int points,

        @Schema(description = "Whether it counts") @Description("Whether it counts")
        boolean enabled,

        @Schema(description = "The partner that defined it; absent for in-house rules")
        @Description("The partner that defined it; null for in-house rules")
        String partnerId,

        @Schema(description = "When it was created") @Description("When it was created")
        OffsetDateTime createdAt,

        @Schema(description = "When it last changed") @Description("When it last changed")
        OffsetDateTime updatedAt,

        @Schema(description = "Version; the ETag carries the same value") @Description("Version")
        long version) {}
