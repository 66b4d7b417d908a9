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
import dev.rapport.ticket.api.CreateSlaPolicyRequest;
import dev.rapport.ticket.api.SlaPolicyPage;
import dev.rapport.ticket.api.SlaPolicyView;
import io.smallrye.mutiny.Uni;

@Path("/v1/sla-policies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "SLA", description = "Business calendars and SLA policies: what tickets are held to")
public class SlaPolicyResource {

    private final SlaPolicyService service;
    private final IdempotentRequests idempotency;

    SlaPolicyResource(SlaPolicyService service, IdempotentRequests idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TICKETS_MANAGE)
    @Operation(
            operationId = "createSlaPolicy",
            summary = "Define an SLA policy",
            description =
                    "Tickets matching its condition (RSQL over ticket fields) are held to its targets for their priority; policies are tried by position, then age, and the first match applies.")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location and ETag identify it",
            content = @Content(schema = @Schema(implementation = SlaPolicyView.class)),
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")})
    public Uni<Response> create(
            @Parameter(description = "Makes a retry safe: a repeat returns the stored response")
                    @HeaderParam(IdempotentRequests.HEADER)
                    String idempotencyKey,
            @Valid @NotNull CreateSlaPolicyRequest request) {
        return idempotency.run(
                idempotencyKey,
                "POST /v1/sla-policies",
                request,
                () -> service.createPolicy(request)
                        .map(view -> StoredResponse.created(
                                view, "/v1/sla-policies/" + view.id(), ETags.of(view.version()))));
    }

    @GET
    @RolesAllowed(Roles.TICKETS_READ)
    @Operation(operationId = "listSlaPolicies", summary = "SLA policies, in the order they are tried")
    @APIResponse(
            responseCode = "200",
            description = "A page",
            content = @Content(schema = @Schema(implementation = SlaPolicyPage.class)))
    public Uni<Page<SlaPolicyView>> list(@BeanParam PageParameters paging) {
        return service.policies(paging.page(SlaPolicyService.POLICIES));
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.TICKETS_READ)
    @Operation(operationId = "getSlaPolicy", summary = "Get an SLA policy")
    @APIResponse(
            responseCode = "200",
            description = "Found; ETag carries its version",
            content = @Content(schema = @Schema(implementation = SlaPolicyView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return service.policy(id).map(view -> ETags.ok(view, view.version()));
    }

    @PATCH
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed(Roles.TICKETS_MANAGE)
    @Operation(
            operationId = "updateSlaPolicy",
            summary = "Change an SLA policy with a JSON merge patch",
            description =
                    "Send only the fields to change; arrays are replaced whole. Tickets held to the policy follow its new targets from their next change. Send the ETag in If-Match to avoid overwriting a concurrent change (412 when stale).")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MergePatch.MEDIA_TYPE,
                            schema = @Schema(implementation = CreateSlaPolicyRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "Changed; ETag carries its new version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SlaPolicyView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    public Uni<Response> update(
            @PathParam("id") UUID id,
            @Parameter(description = "ETag of the version the change was based on") @HeaderParam("If-Match")
                    String ifMatch,
            @NotNull JsonNode patch) {
        return service.updatePolicy(id, patch, ifMatch).map(view -> ETags.ok(view, view.version()));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.TICKETS_MANAGE)
    @Operation(
            operationId = "deleteSlaPolicy",
            summary = "Delete an SLA policy",
            description =
                    "A policy tickets are held to cannot be deleted (409): change its condition so that it matches no new ticket.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Response> delete(
            @PathParam("id") UUID id,
            @Parameter(description = "ETag of the version the deletion was based on") @HeaderParam("If-Match")
                    String ifMatch) {
        return service.deletePolicy(id, ifMatch)
                .map(nothing -> Response.noContent().build());
    }
}
