package dev.rapport.webhook;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Webhook endpoints inside write transactions; callers read them through {@link WebhookQueries}. */
@ApplicationScoped
public class WebhookEndpointRepository implements PanacheRepositoryBase<WebhookEndpoint, UUID> {

    /** An endpoint a caller of {@code scope} may manage: a partner only its own. */
    public Uni<WebhookEndpoint> findVisible(UUID id, String scope) {
        return findById(id).map(e -> e == null || !Caller.mayAccess(scope, e.partnerId) ? null : e);
    }
}
