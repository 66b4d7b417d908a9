package dev.rapport.automation.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("TriggerRunPage")
@Description("A page of trigger runs")
@Schema(name = "TriggerRunPage", description = "A page of trigger runs")
public record TriggerRunPage(
        @Description("The runs of this page") @Schema(description = "The runs of this page")
        List<TriggerRunView> data,

        @Description("Cursor for the next page; null on the last page")
        @Schema(description = "Cursor for the next page; null on the last page")
        String nextCursor,

        @Description("Whether another page follows") @Schema(description = "Whether another page follows")
        boolean hasMore) {}
