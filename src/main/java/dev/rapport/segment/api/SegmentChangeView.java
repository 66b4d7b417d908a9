package dev.rapport.segment.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("SegmentChange")
@Description("A customer entering or leaving a segment")
@Schema(name = "SegmentChange", description = "A customer entering or leaving a segment")
public record SegmentChangeView(
        @Schema(description = "Change id") @Description("Change id") @NonNull
        UUID id,

        @Schema(description = "Segment id") @Description("Segment id") @NonNull
        UUID segmentId,

        @Schema(description = "Customer id") @Description("Customer id") @NonNull
        UUID customerId,

        @Schema(
                description = "entered or exited",
                enumeration = {"entered", "exited"})
        @Description("entered or exited")
        @NonNull
        String change,

        @Schema(description = "The rule version that decided") @Description("The rule version that decided")
        int ruleVersion,

        @Schema(description = "Why") @Description("Why") SegmentReason reason,

        @Schema(description = "When") @Description("When") @NonNull
        OffsetDateTime occurredAt) {}
