package dev.rapport.platform.web;

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

/**
 * Problem documents for failures that happen before a request reaches a resource: authentication checks done by
 * the HTTP layer (for REST and GraphQL alike) and bodies announced larger than the limit. Other route handlers
 * (rate limits, GraphQL admission) answer through {@link #send} too.
 */
@ApplicationScoped
public class HttpProblems {

    private final ObjectMapper json;
    private final long maxBodySize;

    HttpProblems(
            ObjectMapper json, @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.json = json;
        this.maxBodySize = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(-150).handler(this::rejectOversizedBody);
        router.route().order(-150).failureHandler(this::securityFailure);
    }

    private void rejectOversizedBody(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && parse(length) > maxBodySize) {
            send(ctx, ProblemType.PAYLOAD_TOO_LARGE, "The request body exceeds the limit of " + maxBodySize + " bytes");
            return;
        }
        ctx.next();
    }

    private void securityFailure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
            unauthorized(ctx);
        } else if (failure instanceof ForbiddenException) {
            send(ctx, ProblemType.FORBIDDEN, "The caller's roles or scopes do not allow this operation");
        } else {
            ctx.next();
        }
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
        if (ctx.response().ended()) {
            return Future.succeededFuture();
        }
        Problem problem = Problem.of(type, detail, ctx.request().path(), RequestIds.of(ctx.request()), null);
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
