package dev.rapport.platform.error;

/**
 * The stable catalogue of problem codes. A code never changes meaning once published: clients switch on it.
 * The {@code type} URI of a problem is {@link #BASE_URI} followed by the code.
 */
public enum ProblemType {
    VALIDATION_FAILED(400, "validation-failed", "The request is not valid"),
    MALFORMED_REQUEST(400, "malformed-request", "The request could not be read"),
    INVALID_FILTER(400, "invalid-filter", "The filter expression is not valid"),
    QUERY_TOO_COMPLEX(400, "query-too-complex", "The GraphQL query asks for more than one request may"),
    UNAUTHORIZED(401, "unauthorized", "Authentication is required"),
    FORBIDDEN(403, "forbidden", "Not allowed"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "None of the accepted media types can be produced"),
    CONFLICT(409, "conflict", "The request conflicts with the current state"),
    CONCURRENT_MODIFICATION(409, "concurrent-modification", "The resource was changed by another request"),
    INSUFFICIENT_POINTS(409, "insufficient-points", "The account does not hold enough points"),
    PRECONDITION_FAILED(412, "precondition-failed", "The resource has changed since it was read"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "The request body is too large"),
    URI_TOO_LONG(414, "uri-too-long", "The request URI is too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "The request content type is not supported"),
    IDEMPOTENCY_KEY_REUSED(
            422, "idempotency-key-reused", "The Idempotency-Key was already used with a different request"),
    RATE_LIMITED(429, "rate-limited", "Too many requests"),
    HEADERS_TOO_LARGE(431, "headers-too-large", "The request headers are too large"),
    INTERNAL_ERROR(500, "internal-error", "Internal error"),
    OVERLOADED(503, "overloaded", "The service is busy");

    public static final String BASE_URI = "https://rapport.dev/problems/";

    private final int status;
    private final String code;
    private final String title;

    ProblemType(int status, String code, String title) {
        this.status = status;
        this.code = code;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String uri() {
        return BASE_URI + code;
    }

    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : MALFORMED_REQUEST;
    }
}
