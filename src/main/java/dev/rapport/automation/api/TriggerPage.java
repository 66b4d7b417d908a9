package dev.rapport.automation.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("TriggerPage")
@Description("A page of triggers")
@Schema(name = "TriggerPage", description = "A page of triggers")
public record TriggerPage(
        @Description("The triggers of this page") @Schema(description = "The triggers of this page")
        List<TriggerView> data,

        @Description("Cursor for the next page; null on the last page")
        @Schema(description = "Cursor for the next page; null on the last page")
        String nextCursor,

        @Description("Whether another page follows") @Schema(description = "Whether another page follows")
        boolean hasMore) {}
