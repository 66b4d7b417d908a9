package dev.rapport.ticket.api;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

@Type("SlaClock")
@Description("How a ticket stands against one SLA target")
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "SlaClock", description = "How a ticket stands against one SLA target, read now")
public record SlaClockView(
        @Schema(
                description = "firstResponse, nextReply or resolution",
                enumeration = {"firstResponse", "nextReply", "resolution"})
        @Description("firstResponse, nextReply or resolution")
        String metric,

        @Schema(description = "The target, ISO-8601", examples = "PT8H") @Description("The target, ISO-8601")
        String target,

        @Schema(description = "Whether business hours count (else calendar time)")
        @Description("Whether business hours count (else calendar time)")
        boolean businessHours,

        @Schema(description = "Time counted so far (or until the clock stopped), ISO-8601", examples = "PT2H30M")
        @Description("Time counted so far (or until the clock stopped), ISO-8601")
        String elapsed,

        @Schema(description = "Counted time in seconds") @Description("Counted time in seconds")
        long elapsedSeconds,

        @Schema(
                description = "running, paused (resolution, while pending or on_hold), achieved or breached",
                enumeration = {"running", "paused", "achieved", "breached"})
        @Description("running, paused, achieved or breached")
        String state,

        @Schema(description = "When the clock started counting this target")
        @Description("When the clock started counting this target")
        OffsetDateTime startedAt,

        @Schema(description = "When the target falls (or fell) due; absent while paused and once achieved")
        @Description("When the target falls (or fell) due; null while paused and once achieved")
        OffsetDateTime dueAt,

        @Schema(description = "When it was breached") @Description("When it was breached")
        OffsetDateTime breachedAt,

        @Schema(description = "When it stopped for good (the reply, the solution)")
        @Description("When it stopped for good (the reply, the solution)")
        OffsetDateTime stoppedAt) {}
