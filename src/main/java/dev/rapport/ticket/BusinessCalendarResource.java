package dev.rapport.ticket;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import dev.rapport.platform.db.ETags;
import dev.rapport.platform.idempotency.IdempotentRequests;
import dev.rapport.platform.idempotency.StoredResponse;
import dev.rapport.platform.json.MergePatch;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageParameters;
import dev.rapport.platform.security.Roles;
import dev.rapport.ticket.api.BusinessCalendarPage;
import dev.rapport.ticket.api.BusinessCalendarView;
import dev.rapport.ticket.api.CreateBusinessCalendarRequest;
import io.smallrye.mutiny.Uni;

@Path("/v1/business-calendars")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "SLA", description = "Business calendars and SLA policies: what tickets are held to")
public class BusinessCalendarResource {

    private final BusinessCalendarService service;
    private final IdempotentRequests idempotency;

    BusinessCalendarResource(BusinessCalendarService service, IdempotentRequests idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TICKETS_MANAGE)
    @Operation(
            operationId = "createBusinessCalendar",
            summary = "Define a business calendar",
            description =
                    "Weekly openings in an IANA time zone, and holidays; SLA policies count business time by one.")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location and ETag identify it",
            content = @Content(schema = @Schema(implementation = BusinessCalendarView.class)),
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")})
    public Uni<Response> create(
            @Parameter(description = "Makes a retry safe: a repeat returns the stored response")
                    @HeaderParam(IdempotentRequests.HEADER)
                    String idempotencyKey,
            @Valid @NotNull CreateBusinessCalendarRequest request) {
        return idempotency.run(
                idempotencyKey,
                "POST /v1/business-calendars",
                request,
                () -> service.createCalendar(request)
                        .map(view -> StoredResponse.created(
                                view, "/v1/business-calendars/" + view.id(), ETags.of(view.version()))));
    }

    @GET
    @RolesAllowed(Roles.TICKETS_READ)
    @Operation(operationId = "listBusinessCalendars", summary = "Business calendars, oldest first")
    @APIResponse(
            responseCode = "200",
            description = "A page",
            content = @Content(schema = @Schema(implementation = BusinessCalendarPage.class)))
    public Uni<Page<BusinessCalendarView>> list(@BeanParam PageParameters paging) {
        return service.calendars(paging.page(BusinessCalendarService.CALENDARS));
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.TICKETS_READ)
    @Operation(operationId = "getBusinessCalendar", summary = "Get a business calendar")
    @APIResponse(
            responseCode = "200",
            description = "Found; ETag carries its version",
            content = @Content(schema = @Schema(implementation = BusinessCalendarView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return service.calendar(id).map(view -> ETags.ok(view, view.version()));
    }

    @PATCH
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed(Roles.TICKETS_MANAGE)
    @Operation(
            operationId = "updateBusinessCalendar",
            summary = "Change a business calendar with a JSON merge patch",
            description =
                    "Send only the fields to change; arrays are replaced whole. Running clocks count by the new hours from the next change of their ticket. Send the ETag in If-Match to avoid overwriting a concurrent change (412 when stale).")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MergePatch.MEDIA_TYPE,
                            schema = @Schema(implementation = CreateBusinessCalendarRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "Changed; ETag carries its new version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = BusinessCalendarView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    public Uni<Response> update(
            @PathParam("id") UUID id,
            @Parameter(description = "ETag of the version the change was based on") @HeaderParam("If-Match")
                    String ifMatch,
            @NotNull JsonNode patch) {
        return service.updateCalendar(id, patch, ifMatch).map(view -> ETags.ok(view, view.version()));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.TICKETS_MANAGE)
    @Operation(
            operationId = "deleteBusinessCalendar",
            summary = "Delete a business calendar",
            description = "A calendar an SLA policy counts by cannot be deleted (409).")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Response> delete(
            @PathParam("id") UUID id,
            @Parameter(description = "ETag of the version the deletion was based on") @HeaderParam("If-Match")
                    String ifMatch) {
        return service.deleteCalendar(id, ifMatch)
                .map(nothing -> Response.noContent().build());
    }
}
