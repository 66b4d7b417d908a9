package dev.rapport.ticket.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TicketHistory", description = "Every status a ticket took, oldest first")
public record TicketHistory(
        @Schema(description = "The status changes, oldest first")
        List<TicketStatusChangeView> data) {}
