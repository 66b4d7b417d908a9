package dev.rapport.automation.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.automation.TriggerEvent;

@Type("Trigger")
@Description("An automation: WHEN an event happens or a customer date comes round, AND a condition, THEN actions")
@Schema(
        name = "Trigger",
        extensions = {
            @Extension(name = "x-event-types", value = TriggerEvent.CREATED),
            @Extension(name = "x-event-example", value = TriggerEvent.CREATED_EXAMPLE, parseValue = true)
        },
        description = "An automation: WHEN an event happens or a customer date comes round, AND a condition, THEN "
                + "actions")
public record TriggerView(
        @Schema(description = "Trigger id") @Description("Trigger id") @Id @NonNull
        UUID id,

        @Schema(description = "Name") @Description("Name") @NonNull
        String name,

        @Schema(description = "Free description") @Description("Free description")
        String description,

        @Schema(
                description = "event, date or schedule",
                enumeration = {"event", "date", "schedule"})
        @Description("event, date or schedule")
        @NonNull
        String kind,

        @Schema(description = "Kind event: the event types that fire it") @Description("Kind event: event types")
        List<String> eventTypes,

        @Schema(description = "Kind date: the date that fires it") @Description("Kind date: the date that fires it")
        TriggerDate date,

        @Schema(description = "Kind schedule: when it fires, for which segment")
        @Description("Kind schedule: when it fires, for which segment")
        TriggerSchedule schedule,

        @Schema(description = "RSQL that must hold for it to fire") @Description("RSQL that must hold for it to fire")
        String condition,

        @Schema(description = "What it does, in order") @Description("What it does, in order") @NonNull
        List<TriggerAction> actions,

        @Schema(description = "At most so many firings per customer and period")
        @Description("At most so many firings per customer and period")
        FrequencyCap frequencyCap,

        @Schema(description = "Whether it fires") @Description("Whether it fires")
        boolean enabled,

        @Schema(description = "How many times it has fired") @Description("How many times it has fired")
        long firedCount,

        @Schema(description = "When it was defined") @Description("When it was defined")
        OffsetDateTime createdAt,

        @Schema(description = "When it was last changed") @Description("When it was last changed")
        OffsetDateTime updatedAt,

        @Schema(description = "Version, as in the ETag") @Description("Version, as in the ETag")
        long version) {}
