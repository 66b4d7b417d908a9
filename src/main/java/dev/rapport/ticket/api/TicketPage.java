package dev.rapport.ticket.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("TicketPage")
@Description("A page of tickets")
@Schema(name = "TicketPage", description = "A page of tickets")
public record TicketPage(
        @Description("The tickets of this page") @Schema(description = "The tickets of this page")
        List<TicketView> data,

        @Description("Cursor for the next page; null on the last page")
        @Schema(description = "Cursor for the next page; null on the last page")
        String nextCursor,

        @Description("Whether another page follows") @Schema(description = "Whether another page follows")
        boolean hasMore) {}
