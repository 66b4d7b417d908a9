package dev.rapport.lead.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("LeadAssignmentRulePage")
@Description("A page of lead assignment rules")
@Schema(name = "LeadAssignmentRulePage", description = "A page of lead assignment rules")
public record LeadAssignmentRulePage(
        @Description("The lead assignment rules of this page")
        @Schema(description = "The lead assignment rules of this page")
        List<LeadAssignmentRuleView> data,

        @Description("Cursor for the next page; null on the last page")
        @Schema(description = "Cursor for the next page; null on the last page")
        String nextCursor,

        @Description("Whether another page follows") @Schema(description = "Whether another page follows")
        boolean hasMore) {}
