package dev.rapport.lead.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.rapport.lead.LeadEvent;

@Type("LeadAssignmentRule")
@Description("A lead assignment rule")
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        name = "LeadAssignmentRule",
        extensions = @Extension(name = "x-event-types", value = LeadEvent.ASSIGNMENT_RULE_CREATED),
        description = "A lead assignment rule: who owns the new leads it matches")
public record LeadAssignmentRuleView(
        @Schema(description = "Rule id") @Description("Rule id")
        UUID id,

        @Schema(description = "Name") @Description("Name") String name,

        @Schema(description = "RSQL over lead fields; absent: every lead") @Description("RSQL over lead fields")
        String condition,

        @Schema(description = "Order among the assignment rules") @Description("Order among the assignment rules")
        int position,

        @Schema(description = "The fixed owner") @Description("The fixed owner")
        String ownerId,

        @Schema(description = "Owners taking leads in turn") @Description("Owners taking leads in turn")
        List<String> pool,

        @Schema(description = "How many leads the pool has been given")
        @Description("How many leads the pool has been given")
        long turns,

        @Schema(description = "Whether it applies") @Description("Whether it applies")
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
