package dev.rapport.lead.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("LeadPage")
@Description("A page of leads")
@Schema(name = "LeadPage", description = "A page of leads")
public record LeadPage(
        @Description("The leads of this page") @Schema(description = "The leads of this page")
        List<LeadView> data,

        @Description("Cursor for the next page; null on the last page")
        @Schema(description = "Cursor for the next page; null on the last page")
        String nextCursor,

        @Description("Whether another page follows") @Schema(description = "Whether another page follows")
        boolean hasMore) {}
