package dev.rapport.customer;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.rapport.customer.api.CustomerBatchRequest;
import dev.rapport.customer.api.CustomerBatchResult;
import dev.rapport.customer.api.CustomerView;
import dev.rapport.customer.api.OnDuplicate;
import dev.rapport.platform.db.ETags;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.error.Failures;
import dev.rapport.platform.error.Problem.FieldError;
import dev.rapport.platform.idempotency.IdempotentRequests;
import dev.rapport.platform.idempotency.StoredResponse;
import dev.rapport.platform.security.Roles;
import dev.rapport.platform.web.RequestIds;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

@Path("/v1/customers/batch")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customers")
public class CustomerBatchResource {

    private final CustomerService service;
    private final IdempotentRequests idempotency;

    CustomerBatchResource(CustomerService service, IdempotentRequests idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CUSTOMERS_WRITE)
    @Operation(
            operationId = "customerBatch",
            summary = "Create and update up to 100 customers in one call",
            description = "Each item is applied on its own, in order, in its own transaction, with the rules of "
                    + "POST /v1/customers and PATCH /v1/customers/{id}: one failing item changes nothing of the "
                    + "others. The answer is 207 with each item's status, the customer or the problem.")
    @APIResponse(
            responseCode = "207",
            description = "Each item's outcome",
            content = @Content(schema = @Schema(implementation = CustomerBatchResult.class)))
    public Uni<Response> batch(
            @Parameter(description = "Makes a retry safe: a repeat returns the stored response")
                    @HeaderParam(IdempotentRequests.HEADER)
                    String idempotencyKey,
            @Valid @NotNull CustomerBatchRequest request,
            HttpServerRequest http) {
        String requestId = RequestIds.of(http);
        return idempotency.run(
                idempotencyKey,
                "POST /v1/customers/batch",
                request,
                () -> run(request.items(), requestId, http.path())
                        .map(result -> new StoredResponse(207, result, null, null)));
    }

    private Uni<CustomerBatchResult> run(List<CustomerBatchRequest.Item> items, String requestId, String path) {
        List<CustomerBatchResult.Item> results = new ArrayList<>(items.size());
        Uni<Void> all = Uni.createFrom().voidItem();
        for (int i = 0; i < items.size(); i++) {
            int index = i;
            CustomerBatchRequest.Item item = items.get(i);
            all = all.chain(() -> apply(item)
                    .map(view -> new CustomerBatchResult.Item(
                            index,
                            "create".equals(item.method()) ? 201 : 200,
                            view.id(),
                            ETags.of(view.version()),
                            view,
                            null))
                    .onFailure()
                    .recoverWithItem(failure -> {
                        var problem = Failures.problem(failure, item.ifMatch(), path + "#" + index, requestId);
                        return new CustomerBatchResult.Item(index, problem.status(), item.id(), null, null, problem);
                    })
                    .invoke(results::add)
                    .replaceWithVoid());
        }
        return all.map(done -> {
            int failed = (int) results.stream().filter(r -> r.problem() != null).count();
            return new CustomerBatchResult(results, results.size() - failed, failed);
        });
    }

    /** One item, as its own request would do it (in its own transaction). */
    private Uni<CustomerView> apply(CustomerBatchRequest.Item item) {
        return Uni.createFrom().deferred(() -> {
            if ("create".equals(item.method())) {
                if (item.body() == null || item.id() != null || item.patch() != null) {
                    throw DomainException.invalid(
                            List.of(new FieldError("body", "a create takes a body, and no id or patch")));
                }
                return service.create(item.body(), item.onDuplicate() == OnDuplicate.reject);
            }
            if (item.id() == null || item.patch() == null || item.body() != null || item.onDuplicate() != null) {
                throw DomainException.invalid(
                        List.of(new FieldError("patch", "an update takes an id and a patch, and no body")));
            }
            return service.update(item.id(), item.patch(), item.ifMatch());
        });
    }
}
