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

import dev.rapport.loyalty.api.CreateLoyaltyProgramRequest;
import dev.rapport.loyalty.api.EnrollRequest;
import dev.rapport.loyalty.api.LoyaltyAccountPage;
import dev.rapport.loyalty.api.LoyaltyAccountView;
import dev.rapport.loyalty.api.LoyaltyProgramPage;
import dev.rapport.loyalty.api.LoyaltyProgramView;
import dev.rapport.platform.db.ETags;
import dev.rapport.platform.idempotency.IdempotentRequests;
import dev.rapport.platform.idempotency.StoredResponse;
import dev.rapport.platform.json.MergePatch;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageParameters;
import dev.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/v1/loyalty/programs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Loyalty")
public class LoyaltyProgramResource {

    private final LoyaltyProgramService programs;
    private final LoyaltyAccountService accounts;
    private final IdempotentRequests idempotency;

    LoyaltyProgramResource(
            LoyaltyProgramService programs, LoyaltyAccountService accounts, IdempotentRequests idempotency) {
        this.programs = programs;
        this.accounts = accounts;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.LOYALTY_MANAGE)
    @Operation(
            operationId = "createLoyaltyProgram",
            summary = "Define a loyalty program",
            description = "Its points' name, the currency spend counts in, tiers by ascending threshold, what tiers "
                    + "qualify on, and when points expire.")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location and ETag identify it",
            content = @Content(schema = @Schema(implementation = LoyaltyProgramView.class)),
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")})
    public Uni<Response> create(
            @Parameter(description = "Makes a retry safe: a repeat returns the stored response")
                    @HeaderParam(IdempotentRequests.HEADER)
                    String idempotencyKey,
            @Valid @NotNull CreateLoyaltyProgramRequest request) {
        return idempotency.run(
                idempotencyKey,
                "POST /v1/loyalty/programs",
                request,
                () -> programs.create(request)
                        .map(view -> StoredResponse.created(
                                view, "/v1/loyalty/programs/" + view.id(), ETags.of(view.version()))));
    }

    @GET
    @RolesAllowed(Roles.LOYALTY_READ)
    @Operation(operationId = "listLoyaltyPrograms", summary = "Programs: a partner sees its own and the in-house ones")
    @APIResponse(
            responseCode = "200",
            description = "A page",
            content = @Content(schema = @Schema(implementation = LoyaltyProgramPage.class)))
    public Uni<Page<LoyaltyProgramView>> list(@BeanParam PageParameters paging) {
        return programs.list(paging.page(LoyaltyProgramService.ORDER));
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.LOYALTY_READ)
    @Operation(operationId = "getLoyaltyProgram", summary = "Get a loyalty program")
    @APIResponse(
            responseCode = "200",
            description = "Found; ETag carries its version",
            content = @Content(schema = @Schema(implementation = LoyaltyProgramView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return programs.get(id).map(view -> ETags.ok(view, view.version()));
    }

    @PATCH
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed(Roles.LOYALTY_MANAGE)
    @Operation(
            operationId = "updateLoyaltyProgram",
            summary = "Change a loyalty program with a JSON merge patch",
            description =
                    "Send only the fields to change; tiers are replaced whole, and a tier accounts are in must "
                            + "stay (409). Send the ETag in If-Match to avoid overwriting a concurrent change (412 when stale).")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MergePatch.MEDIA_TYPE,
                            schema = @Schema(implementation = CreateLoyaltyProgramRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "Changed; ETag carries its new version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = LoyaltyProgramView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    public Uni<Response> update(
            @PathParam("id") UUID id,
            @Parameter(description = "ETag of the version the change was based on") @HeaderParam("If-Match")
                    String ifMatch,
            @NotNull JsonNode patch) {
        return programs.update(id, patch, ifMatch).map(view -> ETags.ok(view, view.version()));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.LOYALTY_MANAGE)
    @Operation(
            operationId = "deleteLoyaltyProgram",
            summary = "Delete a loyalty program",
            description = "A program with accounts cannot be deleted (409).")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Response> delete(
            @PathParam("id") UUID id,
            @Parameter(description = "ETag of the version the deletion was based on") @HeaderParam("If-Match")
                    String ifMatch) {
        return programs.delete(id, ifMatch).map(nothing -> Response.noContent().build());
    }

    @POST
    @Path("{id}/accounts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.LOYALTY_WRITE)
    @Operation(
            operationId = "enrollLoyaltyAccount",
            summary = "Enroll a customer: open their account and issue a card",
            description = "One account per customer and program (a second enrolment is 409).")
    @APIResponse(
            responseCode = "201",
            description = "Enrolled; Location names the account",
            content = @Content(schema = @Schema(implementation = LoyaltyAccountView.class)),
            headers = @Header(name = "Location", ref = "Location"))
    public Uni<Response> enroll(
            @PathParam("id") UUID id,
            @Parameter(description = "Makes a retry safe: a repeat returns the stored response")
                    @HeaderParam(IdempotentRequests.HEADER)
                    String idempotencyKey,
            @Valid @NotNull EnrollRequest request) {
        return idempotency.run(
                idempotencyKey,
                "POST /v1/loyalty/programs/" + id + "/accounts",
                request,
                () -> accounts.enroll(id, request)
                        .map(view -> StoredResponse.created(view, "/v1/loyalty/accounts/" + view.id(), null)));
    }

    @GET
    @Path("{id}/accounts")
    @RolesAllowed(Roles.LOYALTY_READ)
    @Operation(operationId = "listLoyaltyAccounts", summary = "The program's accounts, oldest enrolment first")
    @APIResponse(
            responseCode = "200",
            description = "A page",
            content = @Content(schema = @Schema(implementation = LoyaltyAccountPage.class)))
    public Uni<Page<LoyaltyAccountView>> accounts(@PathParam("id") UUID id, @BeanParam PageParameters paging) {
        return accounts.accountsOf(id, paging.page(LoyaltyAccountService.ORDER));
    }
}
