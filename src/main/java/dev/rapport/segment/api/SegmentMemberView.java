package dev.rapport.segment.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("SegmentMember")
@Description("A customer in a segment, since when")
@Schema(name = "SegmentMember", description = "A customer in a segment, since when")
public record SegmentMemberView(
        @Schema(description = "Segment id") @Description("Segment id") @NonNull
        UUID segmentId,

        @Schema(description = "Segment name") @Description("Segment name") @NonNull
        String segmentName,

        @Schema(description = "Customer id") @Description("Customer id") @NonNull
        UUID customerId,

        @Schema(description = "When the customer entered the segment")
        @Description("When the customer entered")
        @NonNull
        OffsetDateTime since) {

    /** The cursor key of a member page. */
    @Ignore
    public String sinceKey() {
        return since.toString();
    }
}
