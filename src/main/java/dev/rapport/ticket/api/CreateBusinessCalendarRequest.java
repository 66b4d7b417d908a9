package dev.rapport.ticket.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Input("BusinessCalendarInput")
@Description("Business hours to define")
@Schema(
        description = "Business hours: weekly openings in an IANA time zone, and holidays (a holiday closes the "
                + "openings that start on it). PATCH (merge patch) takes any subset; arrays are replaced whole.")
public record CreateBusinessCalendarRequest(
        @Schema(description = "Name", examples = "London support desk", required = true)
        @Description("Name")
        @NotBlank
        @Size(max = 200)
        String name,

        @Schema(description = "IANA time zone", examples = "Europe/London", required = true)
        @Description("IANA time zone")
        @NotBlank
        @Size(max = 64)
        String timeZone,

        @Schema(description = "Weekly opening intervals", required = true)
        @Description("Weekly opening intervals")
        @NotEmpty
        @Size(max = 50)
        List<@NotNull @Valid OpeningInterval> intervals,

        @Schema(description = "Days closed", examples = "[\"2026-12-25\", \"2026-12-26\"]")
        @Description("Days closed")
        @Size(max = 400)
        List<LocalDate> holidays) {}
