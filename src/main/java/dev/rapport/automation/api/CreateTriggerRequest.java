package dev.rapport.automation.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        description = "A trigger to define: WHEN (kind event: one of eventTypes happens; kind date: a customer date "
                + "comes round; kind schedule: a cron schedule comes due, for each member of a segment) AND condition THEN actions, in order. PATCH (merge patch) takes any subset of the "
                + "fields but kind.")
public record CreateTriggerRequest(
        @Schema(description = "Name", examples = "Birthday greeting", required = true) @NotBlank @Size(max = 200)
        String name,

        @Schema(description = "Free description") @Size(max = 2000)
        String description,

        @Schema(
                description = "event, date or schedule",
                enumeration = {"event", "date", "schedule"},
                required = true)
        @NotBlank
        @Pattern(regexp = "event|date|schedule", message = "must be event, date or schedule")
        String kind,

        @Schema(
                description = "For kind event: the event types that fire it; * is a wildcard part (customer.*)",
                examples = "[\"purchase.recorded\"]")
        @Size(max = 20)
        List<
                        @NotNull @Size(max = 200)
                        @Pattern(
                                regexp = "\\*|[a-z_]+(?:\\.(?:[a-z_]+|\\*)){0,9}",
                                message = "must be an event type or pattern such as customer.*")
                        String>
                eventTypes,

        @Schema(description = "For kind date: the date that fires it") @Valid
        TriggerDate date,

        @Schema(description = "For kind schedule: when it fires, and for which segment's members") @Valid
        TriggerSchedule schedule,

        @Schema(
                description = "Only fire when this RSQL holds: customer facts (as in segment rules), eventType and "
                        + "data.<key> (a top-level value of the event's data)",
                examples = "data.currency==EUR;lifetimeValue.EUR=ge=1000")
        @Size(max = 2000)
        String condition,

        @Schema(description = "What to do, in order: 1 to 10 actions", required = true) @NotEmpty @Size(max = 10)
        List<@NotNull @Valid TriggerAction> actions,

        @Schema(description = "At most so many firings per customer and period") @Valid
        FrequencyCap frequencyCap,

        @Schema(description = "Whether it fires; true when omitted")
        Boolean enabled) {}
