package dev.rapport.ticket;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import dev.rapport.platform.db.ETags;
import dev.rapport.platform.idempotency.IdempotentRequests;
import dev.rapport.platform.idempotency.StoredResponse;
import dev.rapport.platform.json.MergePatch;
import dev.rapport.platform.paging.ListParameters;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.security.Roles;
import dev.rapport.platform.time.Plausible;
import dev.rapport.ticket.api.CreateTicketRequest;
import dev.rapport.ticket.api.TicketMetrics;
import dev.rapport.ticket.api.TicketPage;
import dev.rapport.ticket.api.TicketView;
import io.smallrye.mutiny.Uni;

@Path("/v1/tickets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tickets", description = "Support tickets, their messages, status history and SLA clocks")
public class TicketResource {

    private final TicketService service;
    private final TicketMetricsService metrics;
    private final IdempotentRequests idempotency;

    TicketResource(TicketService service, TicketMetricsService metrics, IdempotentRequests idempotency) {
        this.service = service;
        this.metrics = metrics;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TICKETS_WRITE)
    @Operation(
            operationId = "createTicket",
            summary = "Open a ticket",
            description = "The requester is a customer id, or an email that resolves to the customer with that "
                    + "address in the caller's scope (one is created when there is none). The first matching SLA "
                    + "policy applies and its clocks start; an optional first message is added in the same "
                    + "transaction.")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location and ETag identify the new ticket",
            content = @Content(schema = @Schema(implementation = TicketView.class)),
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")})
    public Uni<Response> create(
            @Parameter(description = "Makes a retry safe: a repeat returns the stored response")
                    @HeaderParam(IdempotentRequests.HEADER)
                    String idempotencyKey,
            @Valid @NotNull CreateTicketRequest request) {
        return idempotency.run(
                idempotencyKey,
                "POST /v1/tickets",
                request,
                () -> service.create(request)
                        .map(view ->
                                StoredResponse.created(view, "/v1/tickets/" + view.id(), ETags.of(view.version()))));
    }

    @GET
    @RolesAllowed(Roles.TICKETS_READ)
    @Operation(
            operationId = "listTickets",
            summary = "List and search tickets",
            description = "Cursor-paged. `filter` takes RSQL over subject, status, priority, type, channel, team, "
                    + "assigneeId, tags, attributes.<key>, customerId, number, slaPolicyId, slaDueAt, createdAt, "
                    + "updatedAt, solvedAt, closedAt, firstResponseAt and reopenCount; for example "
                    + "`status=in=(new,open);priority==urgent` or `slaDueAt=lt=PT1H`. `sort` takes createdAt, "
                    + "updatedAt, slaDueAt (due soonest first; tickets without a running clock last), status, "
                    + "priority (urgent first) or assigneeId, - for descending (default -createdAt). `q` searches "
                    + "subjects and numbers.")
    @APIResponse(
            responseCode = "200",
            description = "A page of tickets",
            content = @Content(schema = @Schema(implementation = TicketPage.class)))
    public Uni<Page<TicketView>> list(@BeanParam ListParameters list) {
        return service.list(list);
    }

    @GET
    @Path("metrics")
    @RolesAllowed(Roles.TICKETS_READ)
    @Operation(
            operationId = "getTicketMetrics",
            summary = "Support figures by period and group",
            description = "Created, solved, backlog at each period's end, TTR (the sum of the solved tickets' "
                    + "resolution times divided by their number) in calendar and business time, median and p90 "
                    + "resolution, first-response time, SLA attainment per target and the reopen rate, by UTC day, "
                    + "week (from Monday) or month, optionally by priority, channel, team or assignee. A ticket "
                    + "counts as solved in the period of its last solution.")
    @APIResponse(
            responseCode = "200",
            description = "The figures",
            content = @Content(schema = @Schema(implementation = TicketMetrics.class)))
    public Uni<TicketMetrics> metrics(
            @Parameter(description = "Range start, ISO-8601; 30 days before to when omitted")
                    @QueryParam("from")
                    @Plausible(ahead = "P366D")
                    OffsetDateTime from,
            @Parameter(description = "Range end, exclusive; now when omitted")
                    @QueryParam("to")
                    @Plausible(ahead = "P366D")
                    OffsetDateTime to,
            @Parameter(description = "day, week or month; week when omitted") @QueryParam("interval") String interval,
            @Parameter(description = "priority, channel, team or assignee") @QueryParam("groupBy") String groupBy) {
        return metrics.metrics(from, to, interval, groupBy);
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.TICKETS_READ)
    @Operation(
            operationId = "getTicket",
            summary = "Get a ticket",
            description = "Send If-None-Match with the ETag to get 304 when the ticket has not changed.")
    @APIResponse(
            responseCode = "200",
            description = "The ticket; ETag carries its version",
            content = @Content(schema = @Schema(implementation = TicketView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    @APIResponse(
            responseCode = "304",
            description = "Not modified since the ETag in If-None-Match",
            headers = @Header(name = "ETag", ref = "ETag"))
    public Uni<Response> get(@PathParam("id") UUID id, Request request) {
        return service.get(id).map(view -> {
            EntityTag tag = new EntityTag(String.valueOf(view.version()));
            Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
            return notModified != null
                    ? notModified.build()
                    : Response.ok(view).tag(tag).build();
        });
    }

    @PATCH
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed(Roles.TICKETS_WRITE)
    @Operation(
            operationId = "updateTicket",
            summary = "Update a ticket with a JSON merge patch",
            description = "Send only the fields to change; null removes a value, arrays are replaced whole. A "
                    + "status change follows the transition table: an illegal one is a 409 problem naming the "
                    + "allowed moves. Send the ETag in If-Match to avoid overwriting a concurrent change (412 when "
                    + "stale).")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MergePatch.MEDIA_TYPE,
                            schema = @Schema(implementation = CreateTicketRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "The updated ticket; ETag carries its new version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TicketView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    public Uni<Response> update(
            @PathParam("id") UUID id,
            @Parameter(description = "ETag of the version the change was based on") @HeaderParam("If-Match")
                    String ifMatch,
            @NotNull JsonNode patch) {
        return service.update(id, patch, ifMatch).map(view -> ETags.ok(view, view.version()));
    }
}
