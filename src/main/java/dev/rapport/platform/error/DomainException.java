package dev.rapport.platform.error;

import java.util.List;
import java.util.Map;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.language.SourceLocation;

/**
 * A failure the caller can act on. Services throw it; {@link ProblemMappers} turns it into problem+json for REST
 * and GraphQL reports it as an error whose {@code extensions.code} is the same {@link ProblemType#code()}.
 */
public class DomainException extends RuntimeException implements GraphQLError {

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
        return new DomainException(
                ProblemType.VALIDATION_FAILED, field + ": " + message, List.of(new Problem.FieldError(field, message)));
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

    /** The problem code, for GraphQL clients: the same value REST clients get in the problem's {@code code}. */
    @Override
    public Map<String, Object> getExtensions() {
        return Map.of("code", type.code());
    }

    @Override
    public List<SourceLocation> getLocations() {
        return null;
    }

    @Override
    public ErrorClassification getErrorType() {
        return type.status() >= 500
                ? graphql.ErrorType.ExecutionAborted
                : type == ProblemType.VALIDATION_FAILED || type == ProblemType.INVALID_FILTER
                        ? graphql.ErrorType.ValidationError
                        : graphql.ErrorType.DataFetchingException;
    }
}
