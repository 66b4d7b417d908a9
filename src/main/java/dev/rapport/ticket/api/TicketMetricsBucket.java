package dev.rapport.ticket.api;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

@Type("TicketMetricsBucket")
@Description("Ticket figures of one period (and one group)")
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        name = "TicketMetricsBucket",
        description = "Ticket figures of one period (and one group). Times are seconds; a figure with nothing to "
                + "measure in the period is absent.")
public record TicketMetricsBucket(
        @Schema(description = "Start of the period (the range's start for the first)")
        @Description("Start of the period (the range's start for the first)")
        OffsetDateTime start,

        @Schema(description = "End of the period, exclusive") @Description("End of the period, exclusive")
        OffsetDateTime end,

        @Schema(
                description = "The group's value (priority, channel, team or assignee); absent without groupBy or for "
                        + "tickets without one")
        @Description("The group's value; null without groupBy or for tickets without one")
        String group,

        @Schema(description = "Tickets created") @Description("Tickets created")
        long created,

        @Schema(description = "Tickets solved (their last solution fell in the period)")
        @Description("Tickets solved (their last solution fell in the period)")
        long solved,

        @Schema(description = "Tickets neither solved nor closed at the period's end")
        @Description("Tickets neither solved nor closed at the period's end")
        long backlog,

        @Schema(
                description = "TTR: the sum of the solved tickets' resolution times (creation to solution) divided "
                        + "by their number, calendar time")
        @Description("TTR: sum of resolution times / solved count, calendar seconds")
        Double ttrSeconds,

        @Schema(description = "TTR in business time, by each ticket's policy calendar (calendar time without one)")
        @Description("TTR in business seconds")
        Double ttrBusinessSeconds,

        @Schema(description = "Median resolution time") @Description("Median resolution time")
        Double medianResolutionSeconds,

        @Schema(description = "90th percentile of resolution time") @Description("90th percentile of resolution time")
        Double p90ResolutionSeconds,

        @Schema(description = "Tickets first answered in the period")
        @Description("Tickets first answered in the period")
        long firstResponses,

        @Schema(description = "Mean first-response time") @Description("Mean first-response time")
        Double meanFirstResponseSeconds,

        @Schema(description = "Median first-response time") @Description("Median first-response time")
        Double medianFirstResponseSeconds,

        @Schema(description = "Share of first-response targets decided in the period that were met, 0 to 1")
        @Description("Share of first-response targets decided in the period that were met")
        Double firstResponseAttainment,

        @Schema(description = "Share of next-reply targets decided in the period that were met, 0 to 1")
        @Description("Share of next-reply targets decided in the period that were met")
        Double nextReplyAttainment,

        @Schema(description = "Share of resolution targets decided in the period that were met, 0 to 1")
        @Description("Share of resolution targets decided in the period that were met")
        Double resolutionAttainment,

        @Schema(description = "Share of the solved tickets that had been reopened, 0 to 1")
        @Description("Share of the solved tickets that had been reopened")
        Double reopenRate) {}
