package dev.rapport.platform.error;

import java.util.List;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import dev.rapport.platform.db.ETags;
import dev.rapport.platform.web.RequestIds;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;

/**
 * The one place where exceptions become HTTP responses: every failure leaves as {@code application/problem+json}
 * with a stable code, and nothing about Java classes or stack traces reaches the caller.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response domain(DomainException e, HttpServerRequest request) {
        return respond(request, e.type(), e.getMessage(), e.errors());
    }

    @ServerExceptionMapper({
        ConstraintViolationException.class,
        io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException.class
    })
    public Response violations(ConstraintViolationException e, HttpServerRequest request) {
        return domain(DomainException.invalid(e), request);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, HttpServerRequest request) {
        return respond(request, ProblemType.MALFORMED_REQUEST, JsonErrors.describe(e), JsonErrors.fieldErrors(e));
    }

    /** Named one by one: quarkus-rest-jackson has built-in mappers for these that would answer plain JSON. */
    @ServerExceptionMapper({
        JsonMappingException.class,
        MismatchedInputException.class,
        UnrecognizedPropertyException.class,
        InvalidFormatException.class,
        JsonParseException.class
    })
    public Response mapping(JsonProcessingException e, HttpServerRequest request) {
        return json(e, request);
    }

    /** A lost optimistic-lock race that no service translated: mapped as {@link ETags#whenStale} maps it. */
    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response staleWrite(RuntimeException e, HttpServerRequest request) {
        return domain((DomainException) ETags.whenStale(e, request.getHeader("If-Match")), request);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, HttpServerRequest request) {
        return respond(request, ProblemType.UNAUTHORIZED, "A valid bearer token is required", null);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpServerRequest request) {
        return respond(request, ProblemType.UNAUTHORIZED, "A valid bearer token is required", null);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return respond(
                request, ProblemType.FORBIDDEN, "The caller's roles or scopes do not allow this operation", null);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpServerRequest request) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return json(json, request);
            }
        }
        int status = e.getResponse().getStatus();
        ProblemType type = ProblemType.forStatus(status);
        String detail = switch (type) {
            case NOT_FOUND -> "No resource at " + request.path();
            case METHOD_NOT_ALLOWED -> request.method() + " is not supported on " + request.path();
            case UNSUPPORTED_MEDIA_TYPE ->
                "Content type " + request.getHeader(HttpHeaders.CONTENT_TYPE) + " is not supported here";
            case NOT_ACCEPTABLE -> "This resource can be sent as application/json";
            case PAYLOAD_TOO_LARGE -> "The request body exceeds the size limit";
            case INTERNAL_ERROR -> {
                LOG.errorf(e, "Request %s failed", RequestIds.of(request));
                yield "An unexpected error occurred; quote the request id when reporting it";
            }
            default -> status == 400 ? "The request could not be read" : "The request could not be processed";
        };
        Response.ResponseBuilder builder = Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(type, detail, request.path(), RequestIds.of(request), null));
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            builder.header(HttpHeaders.ALLOW, allow);
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        if (e instanceof DomainException domain) {
            return domain(domain, request);
        }
        DomainException known = KnownFailures.of(e);
        if (known != null) {
            return domain(known, request);
        }
        if (e.getCause() instanceof OptimisticLockException || e.getCause() instanceof StaleStateException) {
            return staleWrite((RuntimeException) e.getCause(), request);
        }
        String requestId = RequestIds.of(request);
        LOG.errorf(e, "Request %s %s failed (request id %s)", request.method(), request.path(), requestId);
        return respond(
                request,
                ProblemType.INTERNAL_ERROR,
                "An unexpected error occurred; quote the request id " + requestId + " when reporting it",
                null);
    }

    static Response respond(
            HttpServerRequest request, ProblemType type, String detail, List<Problem.FieldError> errors) {
        Response.ResponseBuilder builder = Response.status(type.status())
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(type, detail, request.path(), RequestIds.of(request), errors));
        if (type == ProblemType.UNAUTHORIZED) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return builder.build();
    }

    /** {@code create.request.emails[0].address} becomes {@code emails[0].address}. */
    static String fieldOf(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER) {
                continue;
            }
            if (node.getName() == null) {
                continue;
            }
            if (node.getIndex() != null && field.length() > 0) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null && field.length() > 0) {
                field.append('.').append(node.getKey());
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                continue;
            }
            if (field.length() > 0) {
                field.append('.');
            }
            field.append(node.getName());
        }
        return field.length() == 0 ? "body" : field.toString();
    }
}
