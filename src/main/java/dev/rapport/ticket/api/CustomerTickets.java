package dev.rapport.ticket.api;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("CustomerTickets")
@Description("The ticket domain's part of the customer 360 view")
@Schema(name = "CustomerTickets", description = "The ticket domain's part of the customer 360 view")
public record CustomerTickets(
        @Schema(description = "Customer id") @Description("Customer id")
        UUID customerId,

        @Schema(description = "Tickets not yet solved or closed") @Description("Tickets not yet solved or closed")
        int openCount,

        @Schema(description = "The most recent tickets, newest first")
        @Description("The most recent tickets, newest first")
        List<TicketView> recent) {}
