package dev.rapport.ticket.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("SlaPolicyPage")
@Description("A page of SLA policies, in the order they are tried")
@Schema(name = "SlaPolicyPage", description = "A page of SLA policies, in the order they are tried")
public record SlaPolicyPage(
        @Description("The policies of this page") @Schema(description = "The policies of this page")
        List<SlaPolicyView> data,

        @Description("Cursor for the next page; null on the last page")
        @Schema(description = "Cursor for the next page; null on the last page")
        String nextCursor,

        @Description("Whether another page follows") @Schema(description = "Whether another page follows")
        boolean hasMore) {}
