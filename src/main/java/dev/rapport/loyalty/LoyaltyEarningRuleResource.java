package dev.rapport.loyalty;

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

import dev.rapport.loyalty.api.CreateEarningRuleRequest;
import dev.rapport.loyalty.api.EarningRulePage;
import dev.rapport.loyalty.api.EarningRuleView;
import dev.rapport.platform.db.ETags;
import dev.rapport.platform.idempotency.IdempotentRequests;
import dev.rapport.platform.idempotency.StoredResponse;
import dev.rapport.platform.json.MergePatch;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageParameters;
import dev.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/v1/loyalty/earning-rules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Loyalty")
public class LoyaltyEarningRuleResource {

    private final LoyaltyEarningRuleService rules;
    private final IdempotentRequests idempotency;

    LoyaltyEarningRuleResource(LoyaltyEarningRuleService rules, IdempotentRequests idempotency) {
        this.rules = rules;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.LOYALTY_MANAGE)
    @Operation(
            operationId = "createLoyaltyEarningRule",
            summary = "Define an earning rule",
            description = "Every purchase of an enrolled customer earns by the program's enabled rules: spend rules "
                    + "add points per currency unit, multipliers multiply the spend points of the lines they cover, "
                    + "bonuses add fixed points, each when its conditions hold and capped by maxPoints.")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location and ETag identify it",
            content = @Content(schema = @Schema(implementation = EarningRuleView.class)),
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")})
    public Uni<Response> create(
            @Parameter(description = "Makes a retry safe: a repeat returns the stored response")
                    @HeaderParam(IdempotentRequests.HEADER)
                    String idempotencyKey,
            @Valid @NotNull CreateEarningRuleRequest request) {
        return idempotency.run(
                idempotencyKey,
                "POST /v1/loyalty/earning-rules",
                request,
                () -> rules.create(request)
                        .map(view -> StoredResponse.created(
                                view, "/v1/loyalty/earning-rules/" + view.id(), ETags.of(view.version()))));
    }

    @GET
    @RolesAllowed(Roles.LOYALTY_READ)
    @Operation(operationId = "listLoyaltyEarningRules", summary = "Earning rules, oldest first")
    @APIResponse(
            responseCode = "200",
            description = "A page",
            content = @Content(schema = @Schema(implementation = EarningRulePage.class)))
    public Uni<Page<EarningRuleView>> list(
            @Parameter(description = "Only this program's rules") @QueryParam("programId") UUID programId,
            @BeanParam PageParameters paging) {
        return rules.list(programId, paging.page(LoyaltyEarningRuleService.ORDER));
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.LOYALTY_READ)
    @Operation(operationId = "getLoyaltyEarningRule", summary = "Get an earning rule")
    @APIResponse(
            responseCode = "200",
            description = "Found; ETag carries its version",
            content = @Content(schema = @Schema(implementation = EarningRuleView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return rules.get(id).map(view -> ETags.ok(view, view.version()));
    }

    @PATCH
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed(Roles.LOYALTY_MANAGE)
    @Operation(
            operationId = "updateLoyaltyEarningRule",
            summary = "Change an earning rule with a JSON merge patch",
            description = "Send only the fields to change (not the program). Send the ETag in If-Match to avoid "
                    + "overwriting a concurrent change (412 when stale). Purchases earn by the rules as they are "
                    + "when the purchase is handled.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MergePatch.MEDIA_TYPE,
                            schema = @Schema(implementation = CreateEarningRuleRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "Changed; ETag carries its new version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EarningRuleView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    public Uni<Response> update(
            @PathParam("id") UUID id,
            @Parameter(description = "ETag of the version the change was based on") @HeaderParam("If-Match")
                    String ifMatch,
            @NotNull JsonNode patch) {
        return rules.update(id, patch, ifMatch).map(view -> ETags.ok(view, view.version()));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.LOYALTY_MANAGE)
    @Operation(operationId = "deleteLoyaltyEarningRule", summary = "Delete an earning rule")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Response> delete(
            @PathParam("id") UUID id,
            @Parameter(description = "ETag of the version the deletion was based on") @HeaderParam("If-Match")
                    String ifMatch) {
        return rules.delete(id, ifMatch).map(nothing -> Response.noContent().build());
    }
}
