package dev.rapport.ticket.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("OpeningInterval")
@Input("OpeningIntervalInput")
@Description(
        "A weekly opening interval in the calendar's local time; an end not after the start runs into the next day")
@Schema(
        description = "A weekly opening interval in the calendar's local time. An end not after the start runs into "
                + "the next day (22:00 to 06:00 is a night shift; 00:00 to 00:00 the whole day).")
public record OpeningInterval(
        @Schema(
                description = "Day of the week the interval opens on",
                enumeration = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"},
                required = true)
        @Description("monday … sunday")
        @NotBlank
        @Pattern(
                regexp = "monday|tuesday|wednesday|thursday|friday|saturday|sunday",
                message = "must be a day of the week, monday to sunday")
        String day,

        @Schema(description = "Opening time, HH:mm", examples = "09:00", required = true)
        @Description("Opening time, HH:mm")
        @NotBlank
        @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]", message = "must be a time of day HH:mm")
        String start,

        @Schema(description = "Closing time, HH:mm", examples = "17:30", required = true)
        @Description("Closing time, HH:mm")
        @NotBlank
        @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]", message = "must be a time of day HH:mm")
        String end) {}
