package dev.rapport.lead.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("PipelinePage")
@Description("A page of pipelines")
@Schema(name = "PipelinePage", description = "A page of pipelines")
public record PipelinePage(
        @Description("The pipelines of this page") @Schema(description = "The pipelines of this page")
        List<PipelineView> data,

        @Description("Cursor for the next page; null on the last page")
        @Schema(description = "Cursor for the next page; null on the last page")
        String nextCursor,

        @Description("Whether another page follows") @Schema(description = "Whether another page follows")
        boolean hasMore) {}
