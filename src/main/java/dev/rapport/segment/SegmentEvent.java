package dev.rapport.segment;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.event.ChangeSummary;
import dev.rapport.segment.api.SegmentReason;
import dev.rapport.segment.api.SegmentView;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The event types of the segment domain and their payloads. Their subject is the segment. */
public final class SegmentEvent {

    public static final String SUBJECT = "segment";

    public static final String CREATED = "segment.created";
    public static final String UPDATED = "segment.updated";
    public static final String DELETED = "segment.deleted";
    public static final String ENTERED = "segment.entered";
    public static final String EXITED = "segment.exited";

    public static final String ENTERED_EXAMPLE = """
            {
              "id": "01a2a001-5e6a-7a01-a3fe-1cfe770fd555",
              "type": "segment.exited",
              "createdAt": "2026-12-01T10:00:00.250112Z",
              "subjectType": "segment",
              "subjectId": "01a29f00-1111-7000-8000-0000000000aa",
              "data": {
                "segmentId": "01a29f00-1111-7000-8000-0000000000aa",
                "segmentName": "VIP at risk",
                "ruleVersion": 1,
                "customerId": "01a2073b-0a3f-7482-91b6-bdac68fbb7f8",
                "change": "exited",
                "reason": {
                  "cause": "event",
                  "eventId": "01a2a001-5e69-7a01-a3fe-1cfe770fd554",
                  "eventType": "purchase.recorded",
                  "conditions": [
                    "lastPurchaseAt=lt=-P60D"
                  ]
                }
              }
            }""";

    public static final String UPDATED_EXAMPLE = """
            {
              "id": "01a2a002-5e6a-7a01-a3fe-1cfe770fd556",
              "type": "segment.updated",
              "createdAt": "2026-12-01T10:05:00Z",
              "subjectType": "segment",
              "subjectId": "01a29f00-1111-7000-8000-0000000000aa",
              "data": {
                "id": "01a29f00-1111-7000-8000-0000000000aa",
                "changedFields": [
                  "rule"
                ],
                "segment": {
                  "id": "01a29f00-1111-7000-8000-0000000000aa",
                  "name": "VIP at risk",
                  "kind": "dynamic",
                  "rule": "tags==vip;lastPurchaseAt=lt=-P90D",
                  "ruleVersion": 2,
                  "status": "computing",
                  "memberCount": 12,
                  "announceInitialMembers": false,
                  "version": 1
                }
              }
            }""";

    public static final String CREATED_EXAMPLE = """
            {
              "id": "01a2a000-5e6a-7a01-a3fe-1cfe770fd550",
              "type": "segment.created",
              "createdAt": "2026-12-01T09:59:00Z",
              "subjectType": "segment",
              "subjectId": "01a29f00-1111-7000-8000-0000000000aa",
              "data": {
                "id": "01a29f00-1111-7000-8000-0000000000aa",
                "name": "VIP at risk",
                "kind": "dynamic",
                "rule": "tags==vip;lastPurchaseAt=lt=-P60D",
                "ruleVersion": 1,
                "status": "computing",
                "memberCount": 0,
                "announceInitialMembers": false,
                "createdAt": "2026-12-01T09:59:00Z",
                "updatedAt": "2026-12-01T09:59:00Z",
                "version": 0
              }
            }""";

    public static final String DELETED_EXAMPLE = """
            {
              "id": "01a2a003-5e6a-7a01-a3fe-1cfe770fd557",
              "type": "segment.deleted",
              "createdAt": "2026-12-01T10:10:00Z",
              "subjectType": "segment",
              "subjectId": "01a29f00-1111-7000-8000-0000000000aa",
              "data": {
                "id": "01a29f00-1111-7000-8000-0000000000aa",
                "name": "VIP at risk"
              }
            }""";

    private SegmentEvent() {}

    /** Payload of {@code segment.entered} and {@code segment.exited}, serialized by the engine, not by a resource. */
    @RegisterForReflection
    @Schema(
            name = "SegmentMembershipChangedData",
            extensions = {
                @Extension(name = "x-event-types", value = EXITED + "," + ENTERED),
                @Extension(name = "x-event-example", value = ENTERED_EXAMPLE, parseValue = true)
            },
            description = "The data of segment.entered and segment.exited: who, which segment and rule version, why")
    public record MembershipChanged(
            @Schema(description = "Segment id") UUID segmentId,
            @Schema(description = "Segment name") String segmentName,

            @Schema(description = "The rule version that decided")
            int ruleVersion,

            @Schema(description = "Customer id") UUID customerId,
            @Schema(description = "entered or exited") String change,
            @Schema(description = "Why") SegmentReason reason) {}

    /** Payload of {@code segment.updated}. */
    @Schema(
            name = "SegmentUpdatedData",
            extensions = {
                @Extension(name = "x-event-types", value = UPDATED),
                @Extension(name = "x-event-example", value = UPDATED_EXAMPLE, parseValue = true)
            },
            description = "The data of segment.updated: what changed, and the segment as it is now")
    public record Updated(
            @Schema(description = "Segment id") UUID id,

            @Schema(description = "Names of the fields the change set")
            List<String> changedFields,

            @Schema(description = "The segment after the change")
            SegmentView segment)
            implements ChangeSummary {}

    /** Payload of {@code segment.deleted}. */
    @Schema(
            name = "SegmentDeletedData",
            extensions = {
                @Extension(name = "x-event-types", value = DELETED),
                @Extension(name = "x-event-example", value = DELETED_EXAMPLE, parseValue = true)
            },
            description = "The data of segment.deleted")
    public record Deleted(
            @Schema(description = "Id of the deleted segment")
            UUID id,

            @Schema(description = "Its name") String name) {}
}
