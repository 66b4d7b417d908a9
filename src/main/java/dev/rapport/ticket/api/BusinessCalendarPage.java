package dev.rapport.ticket.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("BusinessCalendarPage")
@Description("A page of business calendars")
@Schema(name = "BusinessCalendarPage", description = "A page of business calendars")
public record BusinessCalendarPage(
        @Description("The calendars of this page") @Schema(description = "The calendars of this page")
        List<BusinessCalendarView> data,

        @Description("Cursor for the next page; null on the last page")
        @Schema(description = "Cursor for the next page; null on the last page")
        String nextCursor,

        @Description("Whether another page follows") @Schema(description = "Whether another page follows")
        boolean hasMore) {}
