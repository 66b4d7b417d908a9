package dev.rapport.ticket;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.rapport.platform.idempotency.IdempotentRequests;
import dev.rapport.platform.idempotency.StoredResponse;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageParameters;
import dev.rapport.platform.security.Roles;
import dev.rapport.ticket.api.CreateTicketMessageRequest;
import dev.rapport.ticket.api.TicketHistory;
import dev.rapport.ticket.api.TicketMessagePage;
import dev.rapport.ticket.api.TicketMessageView;
import dev.rapport.ticket.api.TicketSlaView;
import io.smallrye.mutiny.Uni;

/** What happens on a ticket: its messages, its status history and its SLA clocks. */
@Path("/v1/tickets/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tickets")
public class TicketActivityResource {

    private final TicketService tickets;
    private final TicketSlaService sla;
    private final IdempotentRequests idempotency;

    TicketActivityResource(TicketService tickets, TicketSlaService sla, IdempotentRequests idempotency) {
        this.tickets = tickets;
        this.sla = sla;
        this.idempotency = idempotency;
    }

    @POST
    @Path("messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TICKETS_WRITE)
    @Operation(
            operationId = "addTicketMessage",
            summary = "Add a message to a ticket",
            description = "A public reply or an internal note. The first public agent reply is the first response "
                    + "(a new ticket becomes open); a public requester message reopens a pending or solved ticket "
                    + "and starts the next-reply clock. A closed ticket takes no message (409): open a follow-up.")
    @APIResponse(
            responseCode = "201",
            description = "Added",
            content = @Content(schema = @Schema(implementation = TicketMessageView.class)),
            headers = @Header(name = "Location", ref = "Location"))
    public Uni<Response> addMessage(
            @PathParam("id") UUID id,
            @Parameter(description = "Makes a retry safe: a repeat returns the stored response")
                    @HeaderParam(IdempotentRequests.HEADER)
                    String idempotencyKey,
            @Valid @NotNull CreateTicketMessageRequest request) {
        return idempotency.run(
                idempotencyKey,
                "POST /v1/tickets/" + id + "/messages",
                request,
                () -> tickets.addMessage(id, request)
                        .map(view -> StoredResponse.created(view, "/v1/tickets/" + id + "/messages", null)));
    }

    @GET
    @Path("messages")
    @RolesAllowed(Roles.TICKETS_READ)
    @Operation(operationId = "listTicketMessages", summary = "A ticket's messages, oldest first")
    @APIResponse(
            responseCode = "200",
            description = "A page of messages",
            content = @Content(schema = @Schema(implementation = TicketMessagePage.class)))
    public Uni<Page<TicketMessageView>> messages(@PathParam("id") UUID id, @BeanParam PageParameters paging) {
        return tickets.messages(id, paging.page(TicketService.MESSAGES));
    }

    @GET
    @Path("history")
    @RolesAllowed(Roles.TICKETS_READ)
    @Operation(operationId = "getTicketHistory", summary = "Every status a ticket took, oldest first")
    @APIResponse(
            responseCode = "200",
            description = "The status history",
            content = @Content(schema = @Schema(implementation = TicketHistory.class)))
    public Uni<TicketHistory> history(@PathParam("id") UUID id) {
        return tickets.history(id).map(TicketHistory::new);
    }

    @GET
    @Path("sla")
    @RolesAllowed(Roles.TICKETS_READ)
    @Operation(
            operationId = "getTicketSla",
            summary = "A ticket's SLA clocks, read now",
            description = "The policy the ticket is held to and, for each target it sets for the ticket's priority, "
                    + "the target, time counted, due time and state: running, paused (resolution, while pending or "
                    + "on_hold), achieved or breached.")
    @APIResponse(
            responseCode = "200",
            description = "The clocks",
            content = @Content(schema = @Schema(implementation = TicketSlaView.class)))
    public Uni<TicketSlaView> sla(@PathParam("id") UUID id) {
        return sla.ticketSla(id);
    }
}
