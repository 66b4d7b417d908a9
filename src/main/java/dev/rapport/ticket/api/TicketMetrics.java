package dev.rapport.ticket.api;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

@Type("TicketMetrics")
@Description("Support figures over a range, by period (and group)")
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "TicketMetrics", description = "Support figures over a range, by period (and group), and in total")
public record TicketMetrics(
        @Schema(description = "Range start") @Description("Range start")
        OffsetDateTime from,

        @Schema(description = "Range end, exclusive") @Description("Range end, exclusive")
        OffsetDateTime to,

        @Schema(
                description = "day, week (from Monday) or month, in UTC",
                enumeration = {"day", "week", "month"})
        @Description("day, week or month")
        String interval,

        @Schema(description = "priority, channel, team or assignee; absent when not grouped")
        @Description("priority, channel, team or assignee; null when not grouped")
        String groupBy,

        @Schema(description = "The periods, oldest first (within a period, by group)")
        @Description("The periods, oldest first (within a period, by group)")
        List<TicketMetricsBucket> buckets,

        @Schema(description = "The whole range (per group when grouped); backlog at the range's end")
        @Description("The whole range (per group when grouped)")
        List<TicketMetricsBucket> totals) {}
