package dev.rapport.privacy;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.rapport.platform.security.Roles;
import dev.rapport.privacy.api.LegalHoldRequest;
import dev.rapport.privacy.api.LegalHoldView;
import io.smallrye.mutiny.Uni;

@Path("/v1/customers/{customerId}/legal-hold")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy", description = "Legal holds on customers' personal data")
public class LegalHoldResource {

    private final LegalHoldService service;

    LegalHoldResource(LegalHoldService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed(Roles.PRIVACY_MANAGE)
    @Operation(operationId = "getLegalHold", summary = "The legal hold on a customer; 404 when there is none")
    @APIResponse(
            responseCode = "200",
            description = "The hold",
            content = @Content(schema = @Schema(implementation = LegalHoldView.class)))
    public Uni<LegalHoldView> get(@PathParam("customerId") UUID customerId) {
        return service.get(customerId);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PRIVACY_MANAGE)
    @Operation(
            operationId = "placeLegalHold",
            summary = "Place a legal hold on a customer (or change its reason)",
            description = "While it stands, the customer's personal data is not erased. Appends "
                    + "customer.legal_hold_placed (and so an audit entry). Needs privacy:manage (admins).")
    @APIResponse(
            responseCode = "200",
            description = "The hold",
            content = @Content(schema = @Schema(implementation = LegalHoldView.class)))
    public Uni<LegalHoldView> place(
            @PathParam("customerId") UUID customerId, @Valid @NotNull LegalHoldRequest request) {
        return service.place(customerId, request);
    }

    @DELETE
    @RolesAllowed(Roles.PRIVACY_MANAGE)
    @Operation(
            operationId = "liftLegalHold",
            summary = "Lift the legal hold on a customer",
            description = "Appends customer.legal_hold_lifted; 404 when there is no hold.")
    @APIResponse(responseCode = "204", description = "Lifted")
    public Uni<Response> lift(@PathParam("customerId") UUID customerId) {
        return service.lift(customerId).map(nothing -> Response.noContent().build());
    }
}
