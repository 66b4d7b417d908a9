package dev.rapport.automation.api;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("TriggerSchedule")
@Input("TriggerScheduleInput")
@Description("When a schedule trigger fires for each member of a segment: a cron expression in a time zone")
@Schema(
        description = "When a schedule trigger fires for each member of a segment: a cron expression (minute hour "
                + "day-of-month month day-of-week, as Unix cron writes it) read in a time zone. Each time it comes "
                + "due fires once per member; times missed while the service was down fire once, as the latest.")
public record TriggerSchedule(
        @Schema(description = "Cron expression", examples = "0 9 * * MON", required = true)
        @Description("Cron expression: minute hour day-of-month month day-of-week")
        @NonNull
        @NotBlank
        @Size(max = 100)
        String cron,

        @Schema(description = "IANA time zone the expression is read in", examples = "Europe/Berlin", required = true)
        @Description("IANA time zone the expression is read in")
        @NonNull
        @NotBlank
        @Size(max = 64)
        String timeZone,

        @Schema(description = "The segment whose members it fires for", required = true)
        @Description("The segment whose members it fires for")
        @NonNull
        @NotNull
        UUID segmentId) {}
