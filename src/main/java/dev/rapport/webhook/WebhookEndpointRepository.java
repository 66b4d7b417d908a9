package dev.rapport.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.platform.paging.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class WebhookEndpointRepository implements PanacheRepositoryBase<WebhookEndpoint, UUID> {

    /** An endpoint the caller may manage: a partner only its own. */
    public Uni<WebhookEndpoint> findVisible(UUID id, String partnerId) {
        return findById(id).map(e -> e == null || (partnerId != null && !partnerId.equals(e.partnerId)) ? null : e);
    }

    /** One page (plus one row, to tell whether more follow) of the endpoints a caller may manage, newest first. */
    public Uni<List<WebhookEndpoint>> page(String partnerId, PageRequest page) {
        List<String> conditions = new ArrayList<>();
        Parameters params = new Parameters();
        if (partnerId != null) {
            conditions.add("partnerId = :partner");
            params = params.and("partner", partnerId);
        }
        if (page.after() != null) {
            conditions.add("(createdAt < :at or (createdAt = :at and id < :before))");
            params = params.and("at", page.after().timeKey()).and("before", page.after().id());
        }
        String where = conditions.isEmpty() ? "" : String.join(" and ", conditions) + " ";
        return find(where + "order by createdAt desc, id desc", params).page(0, page.fetchSize()).list();
    }
}
