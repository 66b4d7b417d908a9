package dev.rapport.customer;

import java.util.List;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.rapport.customer.api.DuplicateCandidate;
import dev.rapport.customer.api.DuplicatePair;
import dev.rapport.customer.api.DuplicatePairPage;
import dev.rapport.customer.api.MergeCustomerRequest;
import dev.rapport.customer.api.MergeResult;
import dev.rapport.platform.idempotency.IdempotentRequests;
import dev.rapport.platform.idempotency.StoredResponse;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageParameters;
import dev.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/v1/customers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customers")
public class CustomerDuplicateResource {

    static final String MATCHING_DOC = "Exact matches on a normalized email (Gmail without dots and +tags) or phone "
            + "number (E.164, so differently formatted numbers match), and fuzzy matches on the name (trigram "
            + "similarity of at least 0.6) together with the birthday or a postal code. Only customers of the same "
            + "partner match.";

    private final CustomerDuplicateService service;
    private final CustomerMergeService merges;
    private final IdempotentRequests idempotency;

    CustomerDuplicateResource(
            CustomerDuplicateService service, CustomerMergeService merges, IdempotentRequests idempotency) {
        this.service = service;
        this.merges = merges;
        this.idempotency = idempotency;
    }

    @POST
    @Path("{id}/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CUSTOMERS_DELETE)
    @Operation(
            operationId = "mergeCustomers",
            summary = "Merge a duplicate into this customer",
            description = "One transaction: the profiles are combined (this customer's values win except the fields "
                    + "named in fromDuplicate; contact points, addresses and tags are united; each consent is the one "
                    + "recorded last), and every record of the duplicate in every domain moves here: purchases, "
                    + "interactions, tickets, leads, loyalty accounts (an account in a program both have is emptied "
                    + "into this customer's with a transfer posting), survey answers and static segment memberships. "
                    + "The duplicate is deleted; its id keeps answering GET /v1/customers/{id} with this customer. "
                    + "Appends customer.merged with what moved, and customer.deleted (with mergedInto) for the "
                    + "duplicate. Repeating the merge answers what it did; merging into a deleted customer is a "
                    + "conflict. Needs customers:delete.")
    @APIResponse(
            responseCode = "200",
            description = "Merged (or merged before): the survivor and what moved",
            content = @Content(schema = @Schema(implementation = MergeResult.class)))
    public Uni<Response> merge(
            @PathParam("id") UUID id,
            @Parameter(description = "Makes a retry safe: a repeat returns the stored response")
                    @HeaderParam(IdempotentRequests.HEADER)
                    String idempotencyKey,
            @Valid @NotNull MergeCustomerRequest request) {
        return idempotency.run(
                idempotencyKey,
                "POST /v1/customers/" + id + "/merge",
                request,
                () -> merges.merge(id, request).map(StoredResponse::ok));
    }

    @GET
    @Path("{id}/duplicates")
    @RolesAllowed(Roles.CUSTOMERS_READ)
    @Operation(
            operationId = "listCustomerDuplicates",
            summary = "The customers that may be the same person",
            description = MATCHING_DOC + " Best first, each with its score and reasons; merge one with POST "
                    + "/v1/customers/{id}/merge.")
    @APIResponse(
            responseCode = "200",
            description = "The candidates, best first",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = DuplicateCandidate.class)))
    public Uni<List<DuplicateCandidate>> duplicates(@PathParam("id") UUID id) {
        return service.duplicates(id);
    }

    @GET
    @Path("duplicates")
    @RolesAllowed(Roles.CUSTOMERS_READ)
    @Operation(
            operationId = "customerDuplicateReport",
            summary = "Every pair of customers that may be one person",
            description = MATCHING_DOC + " A partner sees its own customers' pairs; staff every partner's (pairs "
                    + "within one partner). Cursor-paged in the order of the pair's ids.")
    @APIResponse(
            responseCode = "200",
            description = "A page of pairs",
            content = @Content(schema = @Schema(implementation = DuplicatePairPage.class)))
    public Uni<Page<DuplicatePair>> report(@BeanParam PageParameters page) {
        return service.report(page.page(CustomerDuplicateService.PAIR_ORDER));
    }
}
