package dev.rapport.segment.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("SegmentMemberPage")
@Description("A page of segment memberships, newest first")
@Schema(name = "SegmentMemberPage", description = "A page of segment memberships, newest first")
public record SegmentMemberPage(
        @Description("The memberships of this page") @Schema(description = "The memberships of this page")
        List<SegmentMemberView> data,

        @Description("Cursor for the next page; null on the last page")
        @Schema(description = "Cursor for the next page; null on the last page")
        String nextCursor,

        @Description("Whether another page follows") @Schema(description = "Whether another page follows")
        boolean hasMore) {}
