package dev.rapport.platform.error;

import java.util.List;

/**
 * A failure the caller can act on. Services throw it; {@link ProblemMappers} turns it into problem+json for REST
 * and the GraphQL layer puts its {@link ProblemType#code()} into the error extensions.
 */
public class DomainException extends RuntimeException {

    private final ProblemType type;
    private final List<Problem.FieldError> errors;

    public DomainException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public DomainException(ProblemType type, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public static DomainException notFound(String resource, Object id) {
        return new DomainException(ProblemType.NOT_FOUND, "No " + resource + " with id " + id);
    }

    public static DomainException conflict(String detail) {
        return new DomainException(ProblemType.CONFLICT, detail);
    }

    public static DomainException invalid(String field, String message) {
        return new DomainException(ProblemType.VALIDATION_FAILED, field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    /** A request document that could not be read into its expected shape. */
    public static DomainException malformed(com.fasterxml.jackson.core.JsonProcessingException e) {
        return new DomainException(ProblemType.MALFORMED_REQUEST, JsonErrors.describe(e), JsonErrors.fieldErrors(e));
    }

    public ProblemType type() {
        return type;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    /** Used by SmallRye GraphQL to fill {@code extensions.code}. */
    public String getCode() {
        return type.code();
    }
}
