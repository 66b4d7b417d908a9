package dev.rapport.segment.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.segment.SegmentEvent;

@Type("Segment")
@Description("A group of customers: dynamic (a rule over customer facts) or static (a list managed by API)")
@Schema(
        name = "Segment",
        extensions = {
            @Extension(name = "x-event-types", value = SegmentEvent.CREATED),
            @Extension(name = "x-event-example", value = SegmentEvent.CREATED_EXAMPLE, parseValue = true)
        },
        description = "A group of customers: dynamic (a rule over customer facts) or static (a list managed by API)")
public record SegmentView(
        @Schema(description = "Segment id") @Description("Segment id") @Id @NonNull
        UUID id,

        @Schema(description = "Name", examples = "VIP at risk") @Description("Name") @NonNull
        String name,

        @Schema(description = "Free description") @Description("Free description")
        String description,

        @Schema(
                description = "dynamic or static",
                enumeration = {"dynamic", "static"})
        @Description("dynamic or static")
        @NonNull
        String kind,

        @Schema(description = "The rule of a dynamic segment: RSQL over customer facts", examples = SegmentRule.EXAMPLE)
        @Description("The rule of a dynamic segment: RSQL over customer facts")
        String rule,

        @Schema(description = "Version of the rule; each change of the rule makes a new one")
        @Description("Version of the rule; each change of the rule makes a new one")
        int ruleVersion,

        @Schema(
                description = "computing while the members of a new rule version (or a time sweep) are being computed,"
                        + " then ready",
                enumeration = {"computing", "ready"})
        @Description("computing while the members are being computed, then ready")
        @NonNull
        String status,

        @Schema(description = "Number of members") @Description("Number of members")
        long memberCount,

        @Schema(description = "Whether the first members of a new segment emit segment.entered")
        @Description("Whether the first members of a new segment emit segment.entered")
        boolean announceInitialMembers,

        @Schema(description = "When the members were last computed in full")
        @Description("When the members were last computed in full")
        OffsetDateTime computedAt,

        @Schema(description = "When it was created") @Description("When it was created")
        OffsetDateTime createdAt,

        @Schema(description = "When it last changed") @Description("When it last changed")
        OffsetDateTime updatedAt,

        @Schema(description = "Version; the ETag carries the same value") @Description("Version, for ifMatchVersion")
        long version) {}
