package dev.rapport.lead.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("LeadScoringRulePage")
@Description("A page of lead scoring rules")
@Schema(name = "LeadScoringRulePage", description = "A page of lead scoring rules")
public record LeadScoringRulePage(
        @Description("The lead scoring rules of this page") @Schema(description = "The lead scoring rules of this page")
        List<LeadScoringRuleView> data,

        @Description("Cursor for the next page; null on the last page")
        @Schema(description = "Cursor for the next page; null on the last page")
        String nextCursor,

        @Description("Whether another page follows") @Schema(description = "Whether another page follows")
        boolean hasMore) {}
