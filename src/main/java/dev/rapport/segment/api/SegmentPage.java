package dev.rapport.segment.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("SegmentPage")
@Description("A page of segments")
@Schema(name = "SegmentPage", description = "A page of segments")
public record SegmentPage(
        @Description("The segments of this page") @Schema(description = "The segments of this page")
        List<SegmentView> data,

        @Description("Cursor for the next page; null on the last page")
        @Schema(description = "Cursor for the next page; null on the last page")
        String nextCursor,

        @Description("Whether another page follows") @Schema(description = "Whether another page follows")
        boolean hasMore) {}
