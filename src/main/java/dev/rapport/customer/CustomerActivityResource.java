package dev.rapport.customer;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.rapport.customer.api.CreateInteractionRequest;
import dev.rapport.customer.api.CreatePurchaseRequest;
import dev.rapport.customer.api.CreateRefundRequest;
import dev.rapport.customer.api.InteractionPage;
import dev.rapport.customer.api.InteractionView;
import dev.rapport.customer.api.PurchasePage;
import dev.rapport.customer.api.PurchaseView;
import dev.rapport.customer.api.RefundView;
import dev.rapport.platform.idempotency.IdempotentRequests;
import dev.rapport.platform.idempotency.StoredResponse;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageParameters;
import dev.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/v1/customers/{customerId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customer activity", description = "A customer's purchases and timeline of interactions")
public class CustomerActivityResource {

    private final CustomerActivityService service;
    private final IdempotentRequests idempotency;

    CustomerActivityResource(CustomerActivityService service, IdempotentRequests idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @POST
    @Path("purchases")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CUSTOMERS_WRITE)
    @Operation(
            operationId = "recordPurchase",
            summary = "Record a purchase",
            description =
                    "The order reference is unique per customer: recording the same order twice is a 409 problem.")
    @APIResponse(
            responseCode = "201",
            description = "Recorded",
            content = @Content(schema = @Schema(implementation = PurchaseView.class)),
            headers = @Header(name = "Location", ref = "Location"))
    public Uni<Response> recordPurchase(
            @PathParam("customerId") UUID customerId,
            @Parameter(description = "Makes a retry safe: a repeat returns the stored response")
                    @HeaderParam(IdempotentRequests.HEADER)
                    String idempotencyKey,
            @Valid @NotNull CreatePurchaseRequest request) {
        return idempotency.run(
                idempotencyKey,
                "POST /v1/customers/" + customerId + "/purchases",
                request,
                () -> service.recordPurchase(customerId, request)
                        .map(view -> StoredResponse.created(
                                view, "/v1/customers/" + customerId + "/purchases/" + view.id(), null)));
    }

    @POST
    @Path("purchases/{purchaseId}/refunds")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CUSTOMERS_WRITE)
    @Operation(
            operationId = "refundPurchase",
            summary = "Refund a purchase, in full or in part",
            description = "Never more than is left of the purchase (400); a purchase refunded in full is a 409. The "
                    + "customer's lifetime value drops by the amount, and loyalty points the purchase earned are taken "
                    + "back in proportion.")
    @APIResponse(
            responseCode = "201",
            description = "Refunded",
            content = @Content(schema = @Schema(implementation = RefundView.class)))
    public Uni<Response> refund(
            @PathParam("customerId") UUID customerId,
            @PathParam("purchaseId") UUID purchaseId,
            @Parameter(description = "Makes a retry safe: a repeat returns the stored response")
                    @HeaderParam(IdempotentRequests.HEADER)
                    String idempotencyKey,
            @Valid @NotNull CreateRefundRequest request) {
        return idempotency.run(
                idempotencyKey,
                "POST /v1/customers/" + customerId + "/purchases/" + purchaseId + "/refunds",
                request,
                () -> service.refund(customerId, purchaseId, request)
                        .map(view -> StoredResponse.created(view, null, null)));
    }

    @GET
    @Path("purchases")
    @RolesAllowed(Roles.CUSTOMERS_READ)
    @Operation(operationId = "listPurchases", summary = "List a customer's purchases, newest first")
    @APIResponse(
            responseCode = "200",
            description = "A page of purchases",
            content = @Content(schema = @Schema(implementation = PurchasePage.class)))
    public Uni<Page<PurchaseView>> purchases(
            @PathParam("customerId") UUID customerId, @BeanParam PageParameters paging) {
        return service.purchases(customerId, paging);
    }

    @POST
    @Path("interactions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CUSTOMERS_WRITE)
    @Operation(operationId = "logInteraction", summary = "Log an interaction on a customer's timeline")
    @APIResponse(
            responseCode = "201",
            description = "Logged",
            content = @Content(schema = @Schema(implementation = InteractionView.class)),
            headers = @Header(name = "Location", ref = "Location"))
    public Uni<Response> logInteraction(
            @PathParam("customerId") UUID customerId,
            @Parameter(description = "Makes a retry safe: a repeat returns the stored response")
                    @HeaderParam(IdempotentRequests.HEADER)
                    String idempotencyKey,
            @Valid @NotNull CreateInteractionRequest request) {
        return idempotency.run(
                idempotencyKey,
                "POST /v1/customers/" + customerId + "/interactions",
                request,
                () -> service.logInteraction(customerId, request)
                        .map(view -> StoredResponse.created(
                                view, "/v1/customers/" + customerId + "/interactions/" + view.id(), null)));
    }

    @GET
    @Path("interactions")
    @RolesAllowed(Roles.CUSTOMERS_READ)
    @Operation(operationId = "listInteractions", summary = "List a customer's timeline, newest first")
    @APIResponse(
            responseCode = "200",
            description = "A page of interactions",
            content = @Content(schema = @Schema(implementation = InteractionPage.class)))
    public Uni<Page<InteractionView>> interactions(
            @PathParam("customerId") UUID customerId, @BeanParam PageParameters paging) {
        return service.interactions(customerId, paging);
    }
}
