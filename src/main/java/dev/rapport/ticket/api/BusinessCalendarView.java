package dev.rapport.ticket.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.rapport.ticket.SlaEvent;

@Type("BusinessCalendar")
@Description("Business hours SLA targets can count")
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        name = "BusinessCalendar",
        extensions = @Extension(name = "x-event-types", value = SlaEvent.CALENDAR_CREATED),
        description = "Business hours SLA targets can count")
public record BusinessCalendarView(
        @Schema(description = "Calendar id") @Description("Calendar id")
        UUID id,

        @Schema(description = "Name") @Description("Name") String name,

        @Schema(description = "IANA time zone") @Description("IANA time zone")
        String timeZone,

        @Schema(description = "Weekly opening intervals") @Description("Weekly opening intervals")
        List<OpeningInterval> intervals,

        @Schema(description = "Days closed") @Description("Days closed")
        List<LocalDate> holidays,

        @Schema(description = "The partner owning it; absent for in-house calendars")
        @Description("The partner owning it; null for in-house calendars")
        String partnerId,

        @Schema(description = "When it was created") @Description("When it was created")
        OffsetDateTime createdAt,

        @Schema(description = "When it last changed") @Description("When it last changed")
        OffsetDateTime updatedAt,

        @Schema(description = "Version; the ETag carries the same value")
        @Description("Version; pass it as ifMatchVersion to update without overwriting a concurrent change")
        long version) {}
