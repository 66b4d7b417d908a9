package dev.rapport.webhook;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class WebhookEndpointRepository implements PanacheRepositoryBase<WebhookEndpoint, UUID> {

    /** An endpoint the caller may manage: a partner only its own. */
    public Uni<WebhookEndpoint> findVisible(UUID id, String partnerId) {
        return findById(id).map(e -> e == null || (partnerId != null && !partnerId.equals(e.partnerId)) ? null : e);
    }
}
