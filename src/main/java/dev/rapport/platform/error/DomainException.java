package dev.rapport.platform.error;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;

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

    /** Bean validation's violations, one field error each, named as the caller wrote the field. */
    public static DomainException invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(
                    ProblemMappers.fieldOf(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        return invalid(errors);
    }

    /** A request refused for the field errors found (at least one), each named as the caller wrote the field. */
    public static DomainException invalid(List<Problem.FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are not valid";
        return new DomainException(ProblemType.VALIDATION_FAILED, detail, errors);
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

    /**
     * The problem code, for GraphQL clients: the same value REST clients get in the problem's {@code code}, and the
     * field errors as the problem's {@code errors} (a JSON value, which SmallRye GraphQL writes as it is).
     */
    @Override
    public Map<String, Object> getExtensions() {
        if (errors.isEmpty()) {
            return Map.of("code", type.code());
        }
        JsonArrayBuilder fields = Json.createArrayBuilder();
        errors.forEach(error -> fields.add(
                Json.createObjectBuilder().add("field", error.field()).add("message", error.message())));
        return Map.of("code", type.code(), "errors", fields.build());
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
