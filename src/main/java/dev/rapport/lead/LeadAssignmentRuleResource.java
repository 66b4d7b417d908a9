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

import dev.rapport.lead.api.CreateLeadAssignmentRuleRequest;
import dev.rapport.lead.api.LeadAssignmentRulePage;
import dev.rapport.lead.api.LeadAssignmentRuleView;
import dev.rapport.platform.db.ETags;
import dev.rapport.platform.idempotency.IdempotentRequests;
import dev.rapport.platform.idempotency.StoredResponse;
import dev.rapport.platform.json.MergePatch;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageParameters;
import dev.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/v1/lead-assignment-rules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Leads")
public class LeadAssignmentRuleResource {

    private final LeadRuleService service;
    private final IdempotentRequests idempotency;

    LeadAssignmentRuleResource(LeadRuleService service, IdempotentRequests idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.LEADS_MANAGE)
    @Operation(
            operationId = "createLeadAssignmentRule",
            summary = "Define a lead assignment rule",
            description =
                    "Rules are tried by position, then age: the first enabled one whose condition holds gives a new lead without an owner its ownerId, or the next owner of its pool in turn (round robin, fair across concurrent creates and replicas).")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location and ETag identify it",
            content = @Content(schema = @Schema(implementation = LeadAssignmentRuleView.class)),
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")})
    public Uni<Response> create(
            @Parameter(description = "Makes a retry safe: a repeat returns the stored response")
                    @HeaderParam(IdempotentRequests.HEADER)
                    String idempotencyKey,
            @Valid @NotNull CreateLeadAssignmentRuleRequest request) {
        return idempotency.run(
                idempotencyKey,
                "POST /v1/lead-assignment-rules",
                request,
                () -> service.createAssignment(request)
                        .map(view -> StoredResponse.created(
                                view, "/v1/lead-assignment-rules/" + view.id(), ETags.of(view.version()))));
    }

    @GET
    @RolesAllowed(Roles.LEADS_READ)
    @Operation(operationId = "listLeadAssignmentRules", summary = "Lead assignment rules, in the order they are tried")
    @APIResponse(
            responseCode = "200",
            description = "A page",
            content = @Content(schema = @Schema(implementation = LeadAssignmentRulePage.class)))
    public Uni<Page<LeadAssignmentRuleView>> list(@BeanParam PageParameters paging) {
        return service.assignmentRules(paging.page(LeadRuleService.ORDER));
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.LEADS_READ)
    @Operation(operationId = "getLeadAssignmentRule", summary = "Get a lead assignment rule")
    @APIResponse(
            responseCode = "200",
            description = "Found; ETag carries its version",
            content = @Content(schema = @Schema(implementation = LeadAssignmentRuleView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return service.assignmentRule(id).map(view -> ETags.ok(view, view.version()));
    }

    @PATCH
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed(Roles.LEADS_MANAGE)
    @Operation(
            operationId = "updateLeadAssignmentRule",
            summary = "Change a lead assignment rule with a JSON merge patch",
            description =
                    "Send only the fields to change; arrays are replaced whole. Send the ETag in If-Match to avoid overwriting a concurrent change (412 "
                            + "when stale).")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MergePatch.MEDIA_TYPE,
                            schema = @Schema(implementation = CreateLeadAssignmentRuleRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "Changed; ETag carries its new version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = LeadAssignmentRuleView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    public Uni<Response> update(
            @PathParam("id") UUID id,
            @Parameter(description = "ETag of the version the change was based on") @HeaderParam("If-Match")
                    String ifMatch,
            @NotNull JsonNode patch) {
        return service.updateAssignment(id, patch, ifMatch).map(view -> ETags.ok(view, view.version()));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.LEADS_MANAGE)
    @Operation(
            operationId = "deleteLeadAssignmentRule",
            summary = "Delete a lead assignment rule",
            description = "Leads keep the owners it gave them.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Response> delete(
            @PathParam("id") UUID id,
            @Parameter(description = "ETag of the version the deletion was based on") @HeaderParam("If-Match")
                    String ifMatch) {
        return service.delete(id, LeadRule.ASSIGNMENT, ifMatch)
                .map(nothing -> Response.noContent().build());
    }
}
