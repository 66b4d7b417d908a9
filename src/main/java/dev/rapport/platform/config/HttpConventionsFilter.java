package dev.rapport.platform.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import dev.rapport.platform.idempotency.IdempotentRequests;
import dev.rapport.platform.web.RequestIds;

/**
 * Declares the headers every client deals with once, as components, and uses them everywhere: X-Request-Id and
 * the RateLimit-* headers on the responses that carry them, Retry-After on 429, Idempotent-Replayed on the answers
 * of operations taking an Idempotency-Key, and the If-Match, If-None-Match and Idempotency-Key request headers.
 * ETag and Location are named by the resource methods' own response annotations.
 */
class HttpConventionsFilter implements OASFilter {

    static final String IF_MATCH = "IfMatch";
    static final String IF_NONE_MATCH = "IfNoneMatch";
    static final String IDEMPOTENCY_KEY = "IdempotencyKey";

    private static final String ETAG_EXAMPLE = "\"3\"";
    private static final List<String> RATE_LIMIT = List.of("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        declareHeaders(components);
        declareParameters(components);
        components.getResponses().forEach((name, response) -> addCommonHeaders(response, statusOf(name)));
        OpenApiModel.forEachOperation(openAPI, (path, entry) -> {
            Operation operation = entry.getValue();
            boolean idempotent = OpenApiModel.hasHeader(operation, IdempotentRequests.HEADER, IDEMPOTENCY_KEY);
            useSharedParameters(operation);
            if (entry.getKey() == PathItem.HttpMethod.GET) {
                declareNotModified(operation);
            }
            operation.getResponses().getAPIResponses().forEach((status, response) -> {
                if (response.getRef() != null) {
                    return;
                }
                addCommonHeaders(response, status);
                if (idempotent && status.startsWith("2")) {
                    response.addHeader(IdempotentRequests.REPLAYED_HEADER, ref(IdempotentRequests.REPLAYED_HEADER));
                }
            });
            if (operation.getResponses().hasAPIResponse("304")) {
                operation.addParameter(OASFactory.createParameter().ref(IF_NONE_MATCH));
            }
        });
    }

    /**
     * A read whose 200 carries an ETag answers 304 to If-None-Match holding it ({@code platform/web/ConditionalReads}):
     * documented on each such read.
     */
    private static void declareNotModified(Operation operation) {
        var ok = operation.getResponses().getAPIResponse("200");
        boolean tagged =
                ok != null && ok.getHeaders() != null && ok.getHeaders().containsKey("ETag");
        if (tagged && !operation.getResponses().hasAPIResponse("304")) {
            operation
                    .getResponses()
                    .addAPIResponse(
                            "304",
                            OASFactory.createAPIResponse()
                                    .description("Not modified since the ETag in If-None-Match")
                                    .addHeader("ETag", ref("ETag")));
        }
    }

    private static void declareHeaders(Components components) {
        components.addHeader(
                "ETag",
                header(
                        "The version of the resource as a strong entity tag; send it back in "
                                + "If-Match to change the resource safely, or in If-None-Match to read it only when it changed",
                        string().addExample(ETAG_EXAMPLE)));
        components.addHeader(
                "Location",
                header(
                        "Path of the created resource",
                        string().format("uri-reference")
                                .addExample("/v1/customers/01a2073b-0a3f-7482-91b6-bdac68fbb7f8")));
        components.addHeader(
                IdempotentRequests.REPLAYED_HEADER,
                header(
                        "`true` when this is the stored answer to "
                                + "an earlier request with the same Idempotency-Key, not a new execution",
                        string().enumeration(List.of((Object) "true"))));
        components.addHeader("RateLimit-Limit", header("Requests the caller may make in a burst", integer(1)));
        components.addHeader("RateLimit-Remaining", header("Requests left in the caller's bucket", integer(0)));
        components.addHeader("RateLimit-Reset", header("Seconds until the caller's bucket is full again", integer(0)));
        components.addHeader("Retry-After", header("Seconds to wait before sending the request again", integer(0)));
        components.addHeader(
                RequestIds.HEADER,
                header(
                        "Correlation id of the request, also in problem documents "
                                + "and the logs: the caller's X-Request-Id when it is a token of up to 128 letters, digits and "
                                + "`._:-`, a new id otherwise",
                        string().addExample("0b6e6f0a-5d0c-4c2e-9d7e-2b8f9f1c2d3e")));
    }

    private static void declareParameters(Components components) {
        components.addParameter(
                IF_MATCH,
                headerParameter(
                        "If-Match",
                        "ETag of the version the change is based on "
                                + "(or several, comma-separated); the answer is 412 precondition-failed when the resource has "
                                + "changed since. Without it, the change applies to whatever version is current.",
                        string().addExample(ETAG_EXAMPLE)));
        components.addParameter(
                IF_NONE_MATCH,
                headerParameter(
                        "If-None-Match",
                        "ETag of the version the caller "
                                + "holds (or several, comma-separated); the answer is 304 without a body while it is current.",
                        string().addExample(ETAG_EXAMPLE)));
        components.addParameter(
                IDEMPOTENCY_KEY,
                headerParameter(
                        IdempotentRequests.HEADER,
                        "Makes a retry safe: "
                                + "a repeat by the same caller returns the stored status, body, Location and ETag with "
                                + "Idempotent-Replayed: true; the same key with another body is 422 idempotency-key-reused. Keys "
                                + "are kept 24 hours by default.",
                        string().minLength(1)
                                .maxLength(255)
                                .pattern("^[\\x21-\\x7E]{1,255}$")
                                .addExample("4f1c2a9e-create-ada")));
    }

    /** Replaces the inline If-Match and Idempotency-Key parameters of an operation with the shared ones. */
    private static void useSharedParameters(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        Map<String, String> shared = Map.of(
                "if-match",
                IF_MATCH,
                "if-none-match",
                IF_NONE_MATCH,
                IdempotentRequests.HEADER.toLowerCase(),
                IDEMPOTENCY_KEY);
        List<Parameter> parameters = new ArrayList<>();
        for (Parameter parameter : operation.getParameters()) {
            String component = parameter.getIn() == Parameter.In.HEADER && parameter.getName() != null
                    ? shared.get(parameter.getName().toLowerCase())
                    : null;
            parameters.add(
                    component == null ? parameter : OASFactory.createParameter().ref(component));
        }
        operation.setParameters(parameters);
    }

    /** Every answer carries X-Request-Id; every answer to an authenticated caller its rate limit. */
    private static void addCommonHeaders(APIResponse response, String status) {
        response.addHeader(RequestIds.HEADER, ref(RequestIds.HEADER));
        if (!"401".equals(status)) {
            RATE_LIMIT.forEach(name -> response.addHeader(name, ref(name)));
        }
        if ("429".equals(status)) {
            response.addHeader("Retry-After", ref("Retry-After"));
        }
    }

    private static String statusOf(String componentResponse) {
        return switch (componentResponse) {
            case "Unauthorized" -> "401";
            case "RateLimited" -> "429";
            default -> "";
        };
    }

    private static Header ref(String name) {
        return OASFactory.createHeader().ref(name);
    }

    private static Header header(String description, Schema schema) {
        return OASFactory.createHeader().description(description).schema(schema);
    }

    private static Parameter headerParameter(String name, String description, Schema schema) {
        return OASFactory.createParameter()
                .name(name)
                .in(Parameter.In.HEADER)
                .description(description)
                .schema(schema);
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }

    private static Schema integer(int minimum) {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.INTEGER)
                .minimum(java.math.BigDecimal.valueOf(minimum));
    }
}
