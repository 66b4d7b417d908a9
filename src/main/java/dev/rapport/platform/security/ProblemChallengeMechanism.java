package dev.rapport.platform.security;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.platform.web.HttpProblems;
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

    private final HttpProblems problems;

    ProblemChallengeMechanism(HttpProblems problems) {
        this.problems = problems;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        return Uni.createFrom()
                .completionStage(() -> problems.unauthorized(context).toCompletionStage())
                .replaceWith(true);
    }

    @Override
    public int getPriority() {
        return 3000;
    }
}
