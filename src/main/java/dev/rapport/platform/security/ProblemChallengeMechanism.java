package dev.rapport.platform.security;


import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.platform.error.Problem;
import dev.rapport.platform.error.ProblemType;
import dev.rapport.platform.web.RequestIds;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Authenticates nobody; it only answers the HTTP layer's authentication challenges (a request without a valid token
 * on a protected path) with a problem+json body instead of an empty 401, for REST and GraphQL alike.
 */
@ApplicationScoped
public class ProblemChallengeMechanism implements BearerOnlyMechanism {

    private final ObjectMapper json;

    ProblemChallengeMechanism(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        if (context.response().ended()) {
            return Uni.createFrom().item(true);
        }
        Problem problem = Problem.of(ProblemType.UNAUTHORIZED, "A valid bearer token is required",
                context.request().path(), RequestIds.of(context.request()), null);
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return Uni.createFrom().completionStage(() -> context.response()
                .setStatusCode(401)
                .putHeader("WWW-Authenticate", "Bearer")
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(body).toCompletionStage())
                .replaceWith(true);
    }

    @Override
    public int getPriority() {
        return 3000;
    }
}
