package dev.rapport.platform.web;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.platform.error.Problem;
import dev.rapport.platform.error.ProblemType;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Problem documents for failures that happen before a request reaches a resource: authentication checks done by
 * the HTTP layer (for REST and GraphQL alike), bodies larger than the limit (announced by Content-Length, or sent
 * in chunks). Other route handlers
 * ({@link RequestChecks}, rate limits, GraphQL admission) answer through {@link #send} too.
 */
@ApplicationScoped
public class HttpProblems {

    private final ObjectMapper json;
    private final long maxBodySize;
    /** Reads a body up to the limit; beyond it the request fails with 413, which {@link #httpFailure} answers. */
    private final BodyHandler bodies;

    HttpProblems(
            ObjectMapper json, @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.json = json;
        this.maxBodySize = maxBodySize.asLongValue();
        this.bodies = BodyHandler.create(false).setBodyLimit(this.maxBodySize);
    }

    void install(@Observes Router router) {
        router.route().order(-150).handler(this::rejectOversizedBody);
        router.route().order(-150).failureHandler(this::httpFailure);
    }

    private void rejectOversizedBody(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && parse(length) > maxBodySize) {
            bodyTooLarge(ctx);
        } else if (length == null && ctx.request().headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
            // Read here, so that a body over the limit fails this route (httpFailure answers it); REST and GraphQL
            // then use the body read.
            bodies.handle(ctx);
        } else {
            ctx.next();
        }
    }

    private void httpFailure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
            unauthorized(ctx);
        } else if (failure instanceof ForbiddenException) {
            send(ctx, ProblemType.FORBIDDEN, "The caller's roles or scopes do not allow this operation");
        } else if (ctx.statusCode() == ProblemType.PAYLOAD_TOO_LARGE.status()) {
            bodyTooLarge(ctx);
        } else {
            ctx.next();
        }
    }

    private void bodyTooLarge(RoutingContext ctx) {
        send(ctx, ProblemType.PAYLOAD_TOO_LARGE, "The request body exceeds the limit of " + maxBodySize + " bytes");
    }

    /**
     * Reads the request body, within the limit, for a route handler that needs it before the route it precedes (whose
     * own body handler then finds it read).
     */
    public void readBody(RoutingContext ctx) {
        bodies.handle(ctx);
    }

    /** 401 with the Bearer challenge: no valid token. */
    public Future<Void> unauthorized(RoutingContext ctx) {
        if (!ctx.response().ended()) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
        }
        return send(ctx, ProblemType.UNAUTHORIZED, "A valid bearer token is required");
    }

    /**
     * Ends the response with a problem document, unless it has already been answered: the one writer of problem
     * documents outside JAX-RS (whose failures {@code ProblemMappers} turns into the same documents).
     */
    public Future<Void> send(RoutingContext ctx, ProblemType type, String detail) {
        return send(ctx, type, detail, null);
    }

    /** {@link #send(RoutingContext, ProblemType, String)} with the fields at fault. */
    public Future<Void> send(RoutingContext ctx, ProblemType type, String detail, List<Problem.FieldError> errors) {
        if (ctx.response().ended()) {
            return Future.succeededFuture();
        }
        Problem problem = Problem.of(type, detail, ctx.request().path(), RequestIds.assign(ctx.request()), errors);
        try {
            return ctx.response()
                    .setStatusCode(type.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
            return Future.failedFuture(e);
        }
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
