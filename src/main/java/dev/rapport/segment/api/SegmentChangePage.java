package dev.rapport.segment.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("SegmentChangePage")
@Description("A page of a segment's membership history, newest first")
@Schema(name = "SegmentChangePage", description = "A page of a segment's membership history, newest first")
public record SegmentChangePage(
        @Description("The changes of this page") @Schema(description = "The changes of this page")
        List<SegmentChangeView> data,

        @Description("Cursor for the next page; null on the last page")
        @Schema(description = "Cursor for the next page; null on the last page")
        String nextCursor,

        @Description("Whether another page follows") @Schema(description = "Whether another page follows")
        boolean hasMore) {}
