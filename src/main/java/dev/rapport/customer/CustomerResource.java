package dev.rapport.customer;

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
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
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

import dev.rapport.customer.api.ConsentChangePage;
import dev.rapport.customer.api.ConsentChangeView;
import dev.rapport.customer.api.CreateCustomerRequest;
import dev.rapport.customer.api.CustomerPage;
import dev.rapport.customer.api.CustomerView;
import dev.rapport.customer.api.OnDuplicate;
import dev.rapport.platform.db.ETags;
import dev.rapport.platform.idempotency.IdempotentRequests;
import dev.rapport.platform.idempotency.StoredResponse;
import dev.rapport.platform.json.MergePatch;
import dev.rapport.platform.paging.ListParameters;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageParameters;
import dev.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/v1/customers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customers", description = "Customer profiles and the customer 360 view")
public class CustomerResource {

    static final String EXPAND_DOC =
            "Comma-separated parts of the 360 view to include: purchases, interactions, stats, and the parts other "
                    + "domains add: tickets (needs tickets:read), lead (the lead it was converted from; needs leads:read), "
                    + "loyalty (accounts, balance and tier; needs loyalty:read)";

    private final CustomerService service;
    private final IdempotentRequests idempotency;

    CustomerResource(CustomerService service, IdempotentRequests idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CUSTOMERS_WRITE)
    @Operation(operationId = "createCustomer", summary = "Create a customer")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location and ETag identify the new customer",
            content = @Content(schema = @Schema(implementation = CustomerView.class)),
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")})
    public Uni<Response> create(
            @Parameter(description = "Makes a retry safe: a repeat returns the stored response")
                    @HeaderParam(IdempotentRequests.HEADER)
                    String idempotencyKey,
            @Parameter(
                            description = "reject: refuse with 409 a customer that may be one that exists (by the "
                                    + "rules of GET /v1/customers/{id}/duplicates), naming the matches; allow "
                                    + "(default): create it anyway",
                            schema = @Schema(implementation = OnDuplicate.class))
                    @QueryParam("onDuplicate")
                    String onDuplicate,
            @Valid @NotNull CreateCustomerRequest request) {
        boolean reject = OnDuplicate.parse(onDuplicate) == OnDuplicate.reject;
        return idempotency.run(
                idempotencyKey,
                "POST /v1/customers" + (reject ? "?onDuplicate=reject" : ""),
                request,
                () -> service.create(request, reject)
                        .map(view ->
                                StoredResponse.created(view, "/v1/customers/" + view.id(), ETags.of(view.version()))));
    }

    @GET
    @RolesAllowed(Roles.CUSTOMERS_READ)
    @Operation(
            operationId = "listCustomers",
            summary = "List and search customers",
            description = "Cursor-paged. `filter` takes RSQL over the customer facts segment rules use (README, "
                    + "Segments): givenName, familyName, email, phone, locale, timeZone, ownerId, birthday, createdAt, "
                    + "updatedAt, tags, attributes.<key>, consents.<channel>, purchaseCount, lifetimeValue.<currency>, "
                    + "firstPurchaseAt, lastPurchaseAt, interactionCount(.<type>), lastInteractionAt, birthdayInDays, "
                    + "membershipDays and the rfm scores; for example `tags==vip;createdAt=ge=2026-01-01`, "
                    + "`attributes.score=gt=40` or `lastPurchaseAt=lt=-P90D` (more than 90 days ago). "
                    + "`sort` takes createdAt, updatedAt, familyName or givenName, - for descending "
                    + "(default -createdAt). `q` searches names, emails and phone numbers.")
    @APIResponse(
            responseCode = "200",
            description = "A page of customers",
            content = @Content(schema = @Schema(implementation = CustomerPage.class)))
    public Uni<Page<CustomerView>> list(
            @BeanParam ListParameters list,
            @Parameter(description = "Also list deleted customers (admins only)") @QueryParam("includeDeleted")
                    boolean includeDeleted,
            @Parameter(description = EXPAND_DOC) @QueryParam("expand") String expand) {
        return service.list(list, includeDeleted, service.expansion(expand));
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.CUSTOMERS_READ)
    @Operation(
            operationId = "getCustomer",
            summary = "Get a customer, optionally as the 360 view",
            description = "With expand=purchases,interactions,stats returns the profile with its recent purchases, "
                    + "recent interactions and lifetime figures in one call. Send If-None-Match with the ETag to get "
                    + "304 when the profile has not changed (without expand). The id of a customer merged into another "
                    + "answers with the survivor, whose address Content-Location gives.")
    @APIResponse(
            responseCode = "200",
            description = "The customer; ETag carries its version",
            content = @Content(schema = @Schema(implementation = CustomerView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    @APIResponse(
            responseCode = "304",
            description = "Not modified since the ETag in If-None-Match",
            headers = @Header(name = "ETag", ref = "ETag"))
    public Uni<Response> get(
            @PathParam("id") UUID id,
            @Parameter(description = EXPAND_DOC) @QueryParam("expand") String expand,
            Request request) {
        CustomerExpand expansions = service.expansion(expand);
        return service.get(id, expansions).map(view -> {
            EntityTag tag = new EntityTag(String.valueOf(view.version()));
            if (expansions.isEmpty()) {
                Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
                if (notModified != null) {
                    return notModified.build();
                }
            }
            Response.ResponseBuilder ok = Response.ok(view).tag(tag);
            if (!view.id().equals(id)) {
                // a merged customer's id answers with the survivor, which is where it lives now
                ok.header("Content-Location", "/v1/customers/" + view.id());
            }
            return ok.build();
        });
    }

    @GET
    @Path("{id}/consents/history")
    @RolesAllowed(Roles.CUSTOMERS_READ)
    @Operation(
            operationId = "customerConsentHistory",
            summary = "Every change of the customer's channel consents, newest first",
            description = "Each create or update that changes a consent (granted, source or version) is kept with who "
                    + "recorded it and when, and announced as consent.changed.")
    @APIResponse(
            responseCode = "200",
            description = "A page of consent changes",
            content = @Content(schema = @Schema(implementation = ConsentChangePage.class)))
    public Uni<Page<ConsentChangeView>> consentHistory(
            @PathParam("id") UUID id,
            @Parameter(description = "Only this channel: email, sms or push") @QueryParam("channel") String channel,
            @BeanParam PageParameters paging) {
        return service.consentHistory(id, channel, paging.page(CustomerService.CONSENT_HISTORY_ORDER));
    }

    @PATCH
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed(Roles.CUSTOMERS_WRITE)
    @Operation(
            operationId = "updateCustomer",
            summary = "Update a customer with a JSON merge patch",
            description = "Send only the fields to change; null removes a value, arrays are replaced whole. "
                    + "Send the ETag in If-Match to avoid overwriting a concurrent change (412 when stale).")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MergePatch.MEDIA_TYPE,
                            schema = @Schema(implementation = CreateCustomerRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "The updated customer; ETag carries its new version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CustomerView.class)),
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
    @RolesAllowed(Roles.CUSTOMERS_DELETE)
    @Operation(
            operationId = "deleteCustomer",
            summary = "Delete a customer",
            description = "A soft delete: the customer disappears for everyone but admins and its email addresses "
                    + "can be used by another customer.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Response> delete(
            @PathParam("id") UUID id,
            @Parameter(description = "ETag of the version the deletion was based on") @HeaderParam("If-Match")
                    String ifMatch) {
        return service.delete(id, ifMatch).map(nothing -> Response.noContent().build());
    }
}
