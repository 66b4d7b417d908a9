package dev.rapport.platform.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/** Small helpers over the OpenAPI model shared by the document filters. */
final class OpenApiModel {

    private OpenApiModel() {}

    /** Calls the action with the path and each operation of the document, in document order. */
    static void forEachOperation(
            OpenAPI openAPI, BiConsumer<String, Map.Entry<PathItem.HttpMethod, Operation>> action) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths()
                .getPathItems()
                .forEach((path, item) -> new LinkedHashMap<>(item.getOperations())
                        .entrySet()
                        .forEach(entry -> action.accept(path, entry)));
    }

    /** Whether the operation takes the named header, declared inline or as a reference to the shared parameter. */
    /**
     * The extension an operation carries when it takes no bearer token on purpose (answering a survey: the link's
     * token is the credential): it is documented without a security requirement, 401 or 403.
     */
    static final String PUBLIC = "x-public";

    static boolean isPublic(Operation operation) {
        return operation.getExtensions() != null && operation.getExtensions().containsKey(PUBLIC);
    }

    static boolean hasHeader(Operation operation, String header, String component) {
        if (operation.getParameters() == null) {
            return false;
        }
        for (Parameter parameter : operation.getParameters()) {
            if (header.equalsIgnoreCase(parameter.getName()) && parameter.getIn() == Parameter.In.HEADER
                    || parameter.getRef() != null && parameter.getRef().endsWith("/" + component)) {
                return true;
            }
        }
        return false;
    }

    /** The component name a reference points to: {@code Customer} for {@code #/components/schemas/Customer}. */
    static String refName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }
}
