package dev.rapport.segment.api;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

@RegisterForReflection // also read back from segment_change.reason (JSONB)
@Type("SegmentReason")
@Description("Why a customer entered or left a segment")
@Schema(name = "SegmentReason", description = "Why a customer entered or left a segment")
public record SegmentReason(
        @Schema(
                description =
                        "What re-evaluated the customer: event (a change of the customer), sweep (time alone),"
                                + " rule (a new rule version), created (a new segment), api (a static segment's list),"
                                + " deleted (the customer was deleted), merge (a static segment's member merged into this customer)",
                enumeration = {"event", "sweep", "rule", "created", "api", "deleted", "merge"})
        @Description("What re-evaluated the customer: event, sweep, rule, created, api, deleted or merge")
        String cause,

        @Schema(description = "The event that changed the customer, when the cause is event")
        @Description("The event that changed the customer, when the cause is event")
        UUID eventId,

        @Schema(description = "That event's type", examples = "purchase.recorded") @Description("That event's type")
        String eventType,

        @Schema(
                description = "The conditions of the rule that decided: on entering those that now hold, on leaving"
                        + " those that no longer hold (for a rule of conditions joined by ; exactly those that"
                        + " flipped)",
                examples = "[\"lastPurchaseAt=lt=-P60D\"]")
        @Description("The conditions of the rule that decided: on entering those that hold, on leaving those that"
                + " no longer hold")
        List<String> conditions) {}
