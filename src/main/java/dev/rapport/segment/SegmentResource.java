package dev.rapport.segment;

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
import jakarta.ws.rs.QueryParam;
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
import dev.rapport.segment.api.CreateSegmentRequest;
import dev.rapport.segment.api.SegmentChangePage;
import dev.rapport.segment.api.SegmentChangeView;
import dev.rapport.segment.api.SegmentMemberPage;
import dev.rapport.segment.api.SegmentMemberView;
import dev.rapport.segment.api.SegmentMembersRequest;
import dev.rapport.segment.api.SegmentMembersResult;
import dev.rapport.segment.api.SegmentPage;
import dev.rapport.segment.api.SegmentPreview;
import dev.rapport.segment.api.SegmentPreviewRequest;
import dev.rapport.segment.api.SegmentView;
import io.smallrye.mutiny.Uni;

@Path("/v1/segments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Segments", description = "Dynamic and static groups of customers, their members and history")
public class SegmentResource {

    static final String IDEMPOTENCY_DOC = "Makes a retry safe: a repeat returns the stored response";
    static final String RULE_DOC = "Rules are RSQL over customer facts (README, Segments): profile fields, tags, "
            + "attributes.<key>, consents.<channel>, purchaseCount, lifetimeValue.<currency>, firstPurchaseAt, "
            + "lastPurchaseAt, interactionCount, interactionCount.<type>, lastInteractionAt, birthdayInDays, "
            + "membershipDays, rfmRecency, rfmFrequency, rfmMonetary and rfmGroup. Times may be relative to now: "
            + "lastPurchaseAt=lt=-P90D is more than 90 days ago.";

    private final SegmentService service;
    private final IdempotentRequests idempotency;

    SegmentResource(SegmentService service, IdempotentRequests idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SEGMENTS_WRITE)
    @Operation(
            operationId = "createSegment",
            summary = "Define a segment",
            description = "A dynamic segment is created `computing`: its members are computed in the background, "
                    + "then kept current as customers change. A static segment starts empty. " + RULE_DOC)
    @APIResponse(
            responseCode = "201",
            description = "Created; Location and ETag identify the new segment",
            content = @Content(schema = @Schema(implementation = SegmentView.class)),
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")})
    public Uni<Response> create(
            @Parameter(description = IDEMPOTENCY_DOC) @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Valid @NotNull CreateSegmentRequest request) {
        return idempotency.run(
                idempotencyKey,
                "POST /v1/segments",
                request,
                () -> service.create(request)
                        .map(view ->
                                StoredResponse.created(view, "/v1/segments/" + view.id(), ETags.of(view.version()))));
    }

    @GET
    @RolesAllowed(Roles.SEGMENTS_READ)
    @Operation(operationId = "listSegments", summary = "List segments, newest first")
    @APIResponse(
            responseCode = "200",
            description = "A page of segments",
            content = @Content(schema = @Schema(implementation = SegmentPage.class)))
    public Uni<Page<SegmentView>> list(@BeanParam PageParameters paging) {
        return service.list(paging.page(SegmentService.NEWEST_FIRST));
    }

    @POST
    @Path("preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SEGMENTS_READ)
    @Operation(
            operationId = "previewSegment",
            summary = "Try a rule: how many customers it matches now, and some of them",
            description = "Nothing is stored. " + RULE_DOC)
    @APIResponse(
            responseCode = "200",
            description = "The count and a sample, newest customers first",
            content = @Content(schema = @Schema(implementation = SegmentPreview.class)))
    public Uni<Response> preview(
            @Parameter(description = IDEMPOTENCY_DOC) @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Valid @NotNull SegmentPreviewRequest request) {
        return idempotency.run(
                idempotencyKey,
                "POST /v1/segments/preview",
                request,
                () -> service.preview(request.rule(), request.sampleSize()).map(preview -> StoredResponse.ok(preview)));
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.SEGMENTS_READ)
    @Operation(operationId = "getSegment", summary = "Get a segment, with its status and member count")
    @APIResponse(
            responseCode = "200",
            description = "The segment; ETag carries its version",
            content = @Content(schema = @Schema(implementation = SegmentView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return service.get(id).map(view -> ETags.ok(view, view.version()));
    }

    @PATCH
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed(Roles.SEGMENTS_WRITE)
    @Operation(
            operationId = "updateSegment",
            summary = "Change a segment with a JSON merge patch",
            description = "A new rule makes a new rule version: the segment is `computing` until its members are "
                    + "computed again, and segment.entered / segment.exited are emitted for the customers whose "
                    + "membership really changes. Send the ETag in If-Match (412 when stale).")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MergePatch.MEDIA_TYPE,
                            schema = @Schema(implementation = CreateSegmentRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "The changed segment; ETag carries its new version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SegmentView.class)),
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
    @RolesAllowed(Roles.SEGMENTS_WRITE)
    @Operation(
            operationId = "deleteSegment",
            summary = "Delete a segment",
            description = "Its members and history go with it; no segment.exited is emitted.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Response> delete(
            @PathParam("id") UUID id,
            @Parameter(description = "ETag of the version the deletion was based on") @HeaderParam("If-Match")
                    String ifMatch) {
        return service.delete(id, ifMatch).map(nothing -> Response.noContent().build());
    }

    @GET
    @Path("{id}/members")
    @RolesAllowed(Roles.SEGMENTS_READ)
    @Operation(operationId = "listSegmentMembers", summary = "A segment's members, newest first")
    @APIResponse(
            responseCode = "200",
            description = "A page of members",
            content = @Content(schema = @Schema(implementation = SegmentMemberPage.class)))
    public Uni<Page<SegmentMemberView>> members(
            @PathParam("id") UUID id,
            @Parameter(description = "Only members matching this RSQL over customer facts, e.g. tags==vip")
                    @QueryParam("filter")
                    String filter,
            @BeanParam PageParameters paging) {
        return service.members(id, filter, paging.page(SegmentService.MEMBERS));
    }

    @POST
    @Path("{id}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SEGMENTS_WRITE)
    @Operation(
            operationId = "addSegmentMembers",
            summary = "Add customers to a static segment",
            description = "Up to 1000 per call; each that was not yet a member emits segment.entered. All must be "
                    + "live customers, or nothing changes.")
    @APIResponse(
            responseCode = "200",
            description = "How many entered, and the member count after",
            content = @Content(schema = @Schema(implementation = SegmentMembersResult.class)))
    public Uni<Response> addMembers(
            @PathParam("id") UUID id,
            @Parameter(description = IDEMPOTENCY_DOC) @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Valid @NotNull SegmentMembersRequest request) {
        return idempotency.run(
                idempotencyKey,
                "POST /v1/segments/" + id + "/members",
                request,
                () -> service.addMembers(id, request.customerIds()).map(result -> StoredResponse.ok(result)));
    }

    @POST
    @Path("{id}/members/remove")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SEGMENTS_WRITE)
    @Operation(
            operationId = "removeSegmentMembers",
            summary = "Remove customers from a static segment",
            description = "Up to 1000 per call; each that was a member emits segment.exited.")
    @APIResponse(
            responseCode = "200",
            description = "How many left, and the member count after",
            content = @Content(schema = @Schema(implementation = SegmentMembersResult.class)))
    public Uni<Response> removeMembers(
            @PathParam("id") UUID id,
            @Parameter(description = IDEMPOTENCY_DOC) @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Valid @NotNull SegmentMembersRequest request) {
        return idempotency.run(
                idempotencyKey,
                "POST /v1/segments/" + id + "/members/remove",
                request,
                () -> service.removeMembers(id, request.customerIds()).map(result -> StoredResponse.ok(result)));
    }

    @GET
    @Path("{id}/changes")
    @RolesAllowed(Roles.SEGMENTS_READ)
    @Operation(
            operationId = "listSegmentChanges",
            summary = "Who entered or left a segment, when and why, newest first")
    @APIResponse(
            responseCode = "200",
            description = "A page of changes",
            content = @Content(schema = @Schema(implementation = SegmentChangePage.class)))
    public Uni<Page<SegmentChangeView>> changes(@PathParam("id") UUID id, @BeanParam PageParameters paging) {
        return service.changes(id, paging.page(SegmentService.CHANGES));
    }
}
