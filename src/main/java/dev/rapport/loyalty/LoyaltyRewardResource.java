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

import dev.rapport.loyalty.api.CreateRewardRequest;
import dev.rapport.loyalty.api.RewardPage;
import dev.rapport.loyalty.api.RewardView;
import dev.rapport.platform.db.ETags;
import dev.rapport.platform.idempotency.IdempotentRequests;
import dev.rapport.platform.idempotency.StoredResponse;
import dev.rapport.platform.json.MergePatch;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageParameters;
import dev.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/v1/loyalty/rewards")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Loyalty")
public class LoyaltyRewardResource {

    private final LoyaltyRewardService rewards;
    private final IdempotentRequests idempotency;

    LoyaltyRewardResource(LoyaltyRewardService rewards, IdempotentRequests idempotency) {
        this.rewards = rewards;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.LOYALTY_MANAGE)
    @Operation(
            operationId = "createLoyaltyReward",
            summary = "Offer a reward",
            description = "Its cost in points, stock (unlimited when omitted), per-customer limit, validity, and the "
                    + "tiers or segment it is for.")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location and ETag identify it",
            content = @Content(schema = @Schema(implementation = RewardView.class)),
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")})
    public Uni<Response> create(
            @Parameter(description = "Makes a retry safe: a repeat returns the stored response")
                    @HeaderParam(IdempotentRequests.HEADER)
                    String idempotencyKey,
            @Valid @NotNull CreateRewardRequest request) {
        return idempotency.run(
                idempotencyKey,
                "POST /v1/loyalty/rewards",
                request,
                () -> rewards.create(request)
                        .map(view -> StoredResponse.created(
                                view, "/v1/loyalty/rewards/" + view.id(), ETags.of(view.version()))));
    }

    @GET
    @RolesAllowed(Roles.LOYALTY_READ)
    @Operation(operationId = "listLoyaltyRewards", summary = "Rewards, oldest first")
    @APIResponse(
            responseCode = "200",
            description = "A page",
            content = @Content(schema = @Schema(implementation = RewardPage.class)))
    public Uni<Page<RewardView>> list(
            @Parameter(description = "Only this program's rewards") @QueryParam("programId") UUID programId,
            @BeanParam PageParameters paging) {
        return rewards.list(programId, paging.page(LoyaltyRewardService.ORDER));
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.LOYALTY_READ)
    @Operation(operationId = "getLoyaltyReward", summary = "Get a reward")
    @APIResponse(
            responseCode = "200",
            description = "Found; ETag carries its version",
            content = @Content(schema = @Schema(implementation = RewardView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return rewards.get(id).map(view -> ETags.ok(view, view.version()));
    }

    @PATCH
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed(Roles.LOYALTY_MANAGE)
    @Operation(
            operationId = "updateLoyaltyReward",
            summary = "Change a reward with a JSON merge patch",
            description = "Send only the fields to change (not the program); stock sets what is left. Send the ETag "
                    + "in If-Match to avoid overwriting a concurrent change (412 when stale).")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MergePatch.MEDIA_TYPE,
                            schema = @Schema(implementation = CreateRewardRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "Changed; ETag carries its new version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RewardView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    public Uni<Response> update(
            @PathParam("id") UUID id,
            @Parameter(description = "ETag of the version the change was based on") @HeaderParam("If-Match")
                    String ifMatch,
            @NotNull JsonNode patch) {
        return rewards.update(id, patch, ifMatch).map(view -> ETags.ok(view, view.version()));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.LOYALTY_MANAGE)
    @Operation(
            operationId = "deleteLoyaltyReward",
            summary = "Delete a reward no code was issued for",
            description = "A reward codes were issued for stays (409): disable it instead.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Response> delete(
            @PathParam("id") UUID id,
            @Parameter(description = "ETag of the version the deletion was based on") @HeaderParam("If-Match")
                    String ifMatch) {
        return rewards.delete(id, ifMatch).map(nothing -> Response.noContent().build());
    }
}
