package dev.rapport.platform.error;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem document, the body of every error response. */
@Schema(name = "Problem", description = "RFC 9457 problem details, sent as application/problem+json")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        @Schema(description = "URI identifying the problem type", examples = "https://rapport.dev/problems/not-found")
        String type,

        @Schema(description = "Short summary of the problem type", examples = "Not found")
        String title,

        @Schema(description = "HTTP status code", examples = "404")
        int status,

        @Schema(
                description = "Stable machine-readable code; the same code appears in GraphQL error extensions",
                examples = "not-found")
        String code,

        @Schema(
                description = "Explanation of this occurrence, fit to show to a person",
                examples = "No customer with id 0190c4e4-8c4e-7000-8000-000000000000")
        String detail,

        @Schema(description = "The request path", examples = "/v1/customers/0190c4e4-8c4e-7000-8000-000000000000")
        String instance,

        @Schema(description = "Correlation id of the request; quote it when reporting a problem")
        String requestId,

        @Schema(description = "Per-field errors, for validation problems")
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @Schema(name = "FieldError", description = "One invalid field of a request")
    public record FieldError(
            @Schema(description = "Path of the field in the request, dot-separated", examples = "emails[0].address")
            String field,

            @Schema(description = "What is wrong with it", examples = "must be a well-formed email address")
            String message) {}

    public static Problem of(
            ProblemType type, String detail, String instance, String requestId, List<FieldError> errors) {
        return new Problem(
                type.uri(),
                type.title(),
                type.status(),
                type.code(),
                detail,
                instance,
                requestId,
                errors == null ? List.of() : errors);
    }
}
