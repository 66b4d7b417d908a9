package dev.rapport.ticket.api;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

@Type("TicketStatusChange")
@Description("A status a ticket took")
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "TicketStatusChange", description = "A status a ticket took, when and by whom")
public record TicketStatusChangeView(
        @Schema(description = "The status before; absent for the status the ticket was created in")
        @Description("The status before; null for the status the ticket was created in")
        String from,

        @Schema(description = "The status taken") @Description("The status taken")
        String to,

        @Schema(description = "When") @Description("When") OffsetDateTime at,

        @Schema(description = "Who changed it: a user, a client or the service's own jobs")
        @Description("Who changed it: a user, a client or the service's own jobs")
        String actor) {}
