package dev.rapport.platform.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;

import dev.rapport.platform.idempotency.IdempotentRequests;

/**
 * Documents the problem+json responses on every operation that can answer them, so that generated clients know
 * the error shape without each resource method repeating it. 412 is documented where the operation takes
 * If-Match, 422 where it takes an Idempotency-Key.
 */
public class ProblemResponsesFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry :
                    item.getOperations().entrySet()) {
                for (String name : problemsFor(path, entry.getKey(), entry.getValue())) {
                    String status = STATUS.get(name);
                    var existing = entry.getValue().getResponses().getAPIResponse(status);
                    // Replace the bare 401/403 entries the security scanner adds with the documented problems.
                    if (existing == null || (existing.getRef() == null && existing.getContent() == null)) {
                        entry.getValue()
                                .getResponses()
                                .addAPIResponse(
                                        status, OASFactory.createAPIResponse().ref(name));
                    }
                }
            }
        });
    }

    private static final Map<String, String> STATUS = Map.ofEntries(
            Map.entry("BadRequest", "400"),
            Map.entry("Unauthorized", "401"),
            Map.entry("Forbidden", "403"),
            Map.entry("NotFound", "404"),
            Map.entry("Conflict", "409"),
            Map.entry("PreconditionFailed", "412"),
            Map.entry("PayloadTooLarge", "413"),
            Map.entry("UnsupportedMediaType", "415"),
            Map.entry("IdempotencyKeyReused", "422"),
            Map.entry("RateLimited", "429"),
            Map.entry("InternalError", "500"));

    private static List<String> problemsFor(String path, PathItem.HttpMethod method, Operation operation) {
        List<String> names = new ArrayList<>(
                OpenApiModel.isPublic(operation)
                        ? List.of("BadRequest")
                        : List.of("BadRequest", "Unauthorized", "Forbidden"));
        if (path.contains("{")) {
            names.add("NotFound");
        }
        switch (method) {
            case POST, PATCH, PUT -> names.addAll(List.of("Conflict", "PayloadTooLarge", "UnsupportedMediaType"));
            default -> {}
        }
        if (OpenApiModel.hasHeader(operation, "If-Match", HttpConventionsFilter.IF_MATCH)) {
            names.add("PreconditionFailed");
        }
        if (OpenApiModel.hasHeader(operation, IdempotentRequests.HEADER, HttpConventionsFilter.IDEMPOTENCY_KEY)) {
            names.add("IdempotencyKeyReused");
        }
        names.add("RateLimited");
        names.add("InternalError");
        return names;
    }
}
