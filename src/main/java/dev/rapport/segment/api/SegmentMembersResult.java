package dev.rapport.segment.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("SegmentMembersResult")
@Description("What a change of a static segment's list did")
@Schema(name = "SegmentMembersResult", description = "What a change of a static segment's list did")
public record SegmentMembersResult(
        @Schema(description = "How many customers entered or left (others already were, or were not, members)")
        @Description("How many customers entered or left")
        int changed,

        @Schema(description = "Members after the change") @Description("Members after the change")
        long memberCount) {}
