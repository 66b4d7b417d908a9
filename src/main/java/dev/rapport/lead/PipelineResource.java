package dev.rapport.lead;

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

import dev.rapport.lead.api.CreatePipelineRequest;
import dev.rapport.lead.api.PipelinePage;
import dev.rapport.lead.api.PipelineView;
import dev.rapport.platform.db.ETags;
import dev.rapport.platform.idempotency.IdempotentRequests;
import dev.rapport.platform.idempotency.StoredResponse;
import dev.rapport.platform.json.MergePatch;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageParameters;
import dev.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/v1/pipelines")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Leads")
public class PipelineResource {

    private final PipelineService service;
    private final IdempotentRequests idempotency;

    PipelineResource(PipelineService service, IdempotentRequests idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.LEADS_MANAGE)
    @Operation(
            operationId = "createPipeline",
            summary = "Define a pipeline",
            description =
                    "Stages in order, each with a key, a win probability and a category (open, won, lost); at least one open and one won stage.")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location and ETag identify it",
            content = @Content(schema = @Schema(implementation = PipelineView.class)),
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")})
    public Uni<Response> create(
            @Parameter(description = "Makes a retry safe: a repeat returns the stored response")
                    @HeaderParam(IdempotentRequests.HEADER)
                    String idempotencyKey,
            @Valid @NotNull CreatePipelineRequest request) {
        return idempotency.run(
                idempotencyKey,
                "POST /v1/pipelines",
                request,
                () -> service.create(request)
                        .map(view ->
                                StoredResponse.created(view, "/v1/pipelines/" + view.id(), ETags.of(view.version()))));
    }

    @GET
    @RolesAllowed(Roles.LEADS_READ)
    @Operation(operationId = "listPipelines", summary = "Pipelines: a partner sees its own and the in-house ones")
    @APIResponse(
            responseCode = "200",
            description = "A page",
            content = @Content(schema = @Schema(implementation = PipelinePage.class)))
    public Uni<Page<PipelineView>> list(@BeanParam PageParameters paging) {
        return service.list(paging.page(PipelineService.ORDER));
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.LEADS_READ)
    @Operation(operationId = "getPipeline", summary = "Get a pipeline")
    @APIResponse(
            responseCode = "200",
            description = "Found; ETag carries its version",
            content = @Content(schema = @Schema(implementation = PipelineView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return service.get(id).map(view -> ETags.ok(view, view.version()));
    }

    @PATCH
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed(Roles.LEADS_MANAGE)
    @Operation(
            operationId = "updatePipeline",
            summary = "Change a pipeline with a JSON merge patch",
            description =
                    "Send only the fields to change; stages are replaced whole, and a stage leads are in must stay (409). Send the ETag in If-Match to avoid overwriting a concurrent change (412 "
                            + "when stale).")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MergePatch.MEDIA_TYPE,
                            schema = @Schema(implementation = CreatePipelineRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "Changed; ETag carries its new version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PipelineView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    public Uni<Response> update(
            @PathParam("id") UUID id,
            @Parameter(description = "ETag of the version the change was based on") @HeaderParam("If-Match")
                    String ifMatch,
            @NotNull JsonNode patch) {
        return service.update(id, patch, ifMatch).map(view -> ETags.ok(view, view.version()));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.LEADS_MANAGE)
    @Operation(
            operationId = "deletePipeline",
            summary = "Delete a pipeline",
            description = "A pipeline leads are in, and the default one, cannot be deleted (409).")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Response> delete(
            @PathParam("id") UUID id,
            @Parameter(description = "ETag of the version the deletion was based on") @HeaderParam("If-Match")
                    String ifMatch) {
        return service.delete(id, ifMatch).map(nothing -> Response.noContent().build());
    }
}
