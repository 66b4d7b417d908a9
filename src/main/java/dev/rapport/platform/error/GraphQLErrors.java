package dev.rapport.platform.error;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.NonNullableFieldWasNullError;
import graphql.execution.ResultPath;
import graphql.introspection.GoodFaithIntrospection;
import graphql.language.SourceLocation;
import io.smallrye.graphql.execution.error.GraphQLExceptionWhileDataFetching;

/**
 * Gives every GraphQL error an {@code extensions.code} from the problem catalogue, as REST problems have, and keeps
 * Java out of the messages. It sees the finished result of every execution (through {@code GraphQLLimits}'
 * instrumentation): what a resolver threw becomes its {@link DomainException} (bean validation
 * {@code validation-failed} with the fields, security and concurrency failures as in REST, anything unexpected
 * {@code internal-error}, logged with the request id); errors raised by GraphQL itself (validation against the
 * schema, variable coercion, refused limits) get their code, the request id and a message without class names.
 * Syntax errors never get here: {@code GraphQLRequests} answers them before SmallRye GraphQL parses the document.
 */
public final class GraphQLErrors {

    private static final Logger LOG = Logger.getLogger(GraphQLErrors.class);

    /** A qualified Java class name ({@code dev.rapport.customer.api.CreatePurchaseRequest}); only its simple name stays. */
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.){2,}([A-Z][A-Za-z0-9_$]*)");

    /** The domain failure a resolver's exception stands for; unexpected ones are logged and become internal-error. */
    static DomainException domainOf(Throwable thrown) {
        DomainException known = KnownFailures.of(thrown);
        if (known != null) {
            return known;
        }
        String requestId = requestId();
        LOG.errorf(thrown, "GraphQL request %s failed", requestId);
        return new DomainException(
                ProblemType.INTERNAL_ERROR,
                "An unexpected error occurred; quote the request id " + requestId + " when reporting it");
    }

    private GraphQLErrors() {}

    /** The result with every error coded: called by the instrumentation of {@code GraphQLLimits} on each result. */
    public static ExecutionResult coded(ExecutionResult result) {
        if (result.getErrors().isEmpty()) {
            return result;
        }
        boolean refused = result.getErrors().stream().anyMatch(GraphQLErrors::isTooComplex);
        List<GraphQLError> errors = new ArrayList<>();
        for (GraphQLError error : result.getErrors()) {
            if (error instanceof ExceptionWhileDataFetching fetching) {
                errors.add(translated(fetching));
            } else if (!(refused && error instanceof NonNullableFieldWasNullError)) {
                // past the answer bound, non-null fields answer null too: that is the refusal, not another error
                errors.add(coded(error));
            }
        }
        return result.transform(builder -> builder.errors(errors));
    }

    /**
     * A resolver's failure as the domain failure it stands for, still an {@link ExceptionWhileDataFetching} so that
     * SmallRye GraphQL writes it (with the code and request id of its extension providers).
     */
    private static GraphQLError translated(ExceptionWhileDataFetching error) {
        if (error.getException() instanceof DomainException) {
            return error;
        }
        DomainException domain = domainOf(error.getException());
        SourceLocation location =
                error.getLocations() == null || error.getLocations().isEmpty()
                        ? null
                        : error.getLocations().get(0);
        return new GraphQLExceptionWhileDataFetching(
                domain.getMessage(), ResultPath.fromList(error.getPath()), domain, location);
    }

    private static boolean isTooComplex(GraphQLError error) {
        return error.getExtensions() != null
                && ProblemType.QUERY_TOO_COMPLEX
                        .code()
                        .equals(error.getExtensions().get("code"));
    }

    /** The error with a code, the request id and a message without Java class names. */
    private static GraphQLError coded(GraphQLError error) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        Object code =
                error.getExtensions() == null ? null : error.getExtensions().get("code");
        extensions.put("code", code != null ? code : codeOf(error).code());
        String requestId = requestId();
        if (requestId != null) {
            extensions.put("requestId", requestId);
        }
        GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError()
                .message(CLASS_NAME.matcher(String.valueOf(error.getMessage())).replaceAll("$1"))
                .errorType(error.getErrorType())
                .extensions(extensions);
        if (error.getLocations() != null) {
            builder.locations(error.getLocations());
        }
        if (error.getPath() != null) {
            builder.path(error.getPath());
        }
        return builder.build();
    }

    private static ProblemType codeOf(GraphQLError error) {
        ErrorClassification type = error.getErrorType();
        if (error instanceof GoodFaithIntrospection.BadFaithIntrospectionError) {
            return ProblemType.QUERY_TOO_COMPLEX; // introspection that asks for the same part of the schema again
        }
        if (type == ErrorType.InvalidSyntax) {
            return ProblemType.MALFORMED_REQUEST;
        }
        if (type == ErrorType.ValidationError) {
            return ProblemType.VALIDATION_FAILED;
        }
        return ProblemType.INTERNAL_ERROR;
    }

    private static String requestId() {
        Object requestId = MDC.get("requestId");
        return requestId == null ? null : requestId.toString();
    }
}
