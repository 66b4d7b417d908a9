package dev.rapport.ticket.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("TicketMessagePage")
@Description("A page of a ticket's messages, oldest first")
@Schema(name = "TicketMessagePage", description = "A page of a ticket's messages, oldest first")
public record TicketMessagePage(
        @Description("The messages of this page") @Schema(description = "The messages of this page")
        List<TicketMessageView> data,

        @Description("Cursor for the next page; null on the last page")
        @Schema(description = "Cursor for the next page; null on the last page")
        String nextCursor,

        @Description("Whether another page follows") @Schema(description = "Whether another page follows")
        boolean hasMore) {}
