package dev.rapport.platform.security;

import java.util.Set;

import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * A mechanism of ours that takes no credentials through an identity provider and, like OIDC, challenges with
 * {@code 401 WWW-Authenticate: Bearer}.
 */
public interface BearerOnlyMechanism extends HttpAuthenticationMechanism {

    @Override
    default Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    @Override
    default Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }
}
