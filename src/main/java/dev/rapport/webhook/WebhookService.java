package dev.rapport.webhook;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import dev.rapport.event.EventLog;
import dev.rapport.platform.config.RapportConfig;
import dev.rapport.platform.db.AfterWork;
import dev.rapport.platform.db.ETags;
import dev.rapport.platform.db.Ids;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.json.MergePatches;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageParameters;
import dev.rapport.platform.paging.PageRequest;
import dev.rapport.platform.paging.Sort;
import dev.rapport.platform.security.Caller;
import dev.rapport.platform.time.Clocks;
import dev.rapport.webhook.api.CreateWebhookEndpointRequest;
import dev.rapport.webhook.api.WebhookDeliveryView;
import dev.rapport.webhook.api.WebhookEndpointView;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Registration and management of webhook endpoints, their secrets, and replays of their deliveries. */
@ApplicationScoped
public class WebhookService {

    private final WebhookEndpointRepository endpoints;
    private final WebhookDeliveries deliveries;
    private final WebhookQueries queries;
    private final UrlGuard guard;
    private final EventLog events;
    private final Caller caller;
    private final MergePatches patches;
    private final Clock clock;
    private final RapportConfig.Webhooks config;
    private final AfterWork afterWork;
    private final WebhookSender sender;

    WebhookService(
            WebhookEndpointRepository endpoints,
            WebhookDeliveries deliveries,
            WebhookQueries queries,
            UrlGuard guard,
            EventLog events,
            Caller caller,
            MergePatches patches,
            RapportConfig config,
            AfterWork afterWork,
            WebhookSender sender,
            Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.queries = queries;
        this.guard = guard;
        this.events = events;
        this.caller = caller;
        this.patches = patches;
        this.clock = clock;
        this.config = config.webhooks();
        this.afterWork = afterWork;
        this.sender = sender;
    }

    /** Checks the URL (DNS included) before anything is stored; the answer carries the new secret, once. */
    public Uni<WebhookEndpointView> create(CreateWebhookEndpointRequest request) {
        return guard.resolve(request.url()).chain(target -> Panache.withTransaction(() -> persistNew(request)));
    }

    private Uni<WebhookEndpointView> persistNew(CreateWebhookEndpointRequest request) {
        OffsetDateTime now = now();
        WebhookEndpoint endpoint = new WebhookEndpoint();
        endpoint.id = Ids.newId();
        endpoint.createdAt = now;
        endpoint.updatedAt = now;
        endpoint.secret = WebhookSigner.newSecret();
        endpoint.partnerId = caller.partnerScope();
        apply(endpoint, request);
        return endpoints
                .persist(endpoint)
                .call(saved -> events.append(
                        WebhookEvent.CREATED,
                        WebhookEvent.SUBJECT,
                        saved.id,
                        saved.partnerId,
                        new WebhookEvent.EndpointChanged(saved.id, saved.url, saved.enabled, null)))
                .map(saved -> view(saved, saved.secret));
    }

    /** Endpoints and deliveries are listed newest first; the id breaks ties, so their cursors are exact. */
    public static final Sort NEWEST_FIRST =
            new Sort(new Sort.SortField("createdAt", "created_at", Sort.Kind.TIMESTAMP), true);

    /** One page of the endpoints the caller may manage, newest first. */
    public Uni<Page<WebhookEndpointView>> list(PageParameters paging) {
        return queries.endpoints(caller.partnerScope(), paging.page(NEWEST_FIRST));
    }

    /** An endpoint the caller may manage, without its secret. */
    public Uni<WebhookEndpointView> get(UUID id) {
        return queries.endpoint(id, caller.partnerScope()).map(endpoint -> {
            if (endpoint == null) {
                throw DomainException.notFound("webhook endpoint", id);
            }
            return endpoint;
        });
    }

    /**
     * A merge patch over the writable fields; a URL in it is checked like a new endpoint's (DNS included) before
     * anything is stored. The patch's url replaces the stored one as it is, so the text checked is the text stored.
     */
    public Uni<WebhookEndpointView> update(UUID id, JsonNode patch, String ifMatch) {
        JsonNode url = patch == null ? null : patch.get("url");
        if (url != null && !url.isTextual() && !url.isNull()) {
            // Jackson would read 2130706433 or true into the url string as "2130706433" or "true"
            throw DomainException.invalid("url", "must be a string holding the URL");
        }
        Uni<?> check = url != null && url.isTextual()
                ? guard.resolve(url.textValue())
                : Uni.createFrom().voidItem();
        return check.chain(() -> Panache.withTransaction(() -> applyPatch(id, patch, ifMatch)));
    }

    private Uni<WebhookEndpointView> applyPatch(UUID id, JsonNode patch, String ifMatch) {
        return visible(id)
                .chain(endpoint -> {
                    ETags.checkIfMatch(ifMatch, endpoint.version);
                    apply(endpoint, patches.apply(request(endpoint), patch).value());
                    if (endpoint.enabled) {
                        endpoint.disabledReason = null;
                        endpoint.failingSince = null;
                    }
                    endpoint.updatedAt = now();
                    return endpoints
                            .flush()
                            .chain(() -> events.append(
                                    WebhookEvent.UPDATED,
                                    WebhookEvent.SUBJECT,
                                    id,
                                    endpoint.partnerId,
                                    new WebhookEvent.EndpointChanged(id, endpoint.url, endpoint.enabled, null)))
                            .map(x -> view(endpoint, null));
                })
                .onFailure()
                .transform(e -> ETags.whenStale(e, ifMatch));
    }

    @WithTransaction
    public Uni<Void> delete(UUID id) {
        // Deliveries first, then the endpoint: the sender locks rows in that order too, so the two never deadlock.
        return visible(id)
                .chain(endpoint -> deliveries
                        .deleteAll(endpoint.id)
                        .chain(() -> endpoints.delete(endpoint))
                        .chain(() -> events.append(
                                WebhookEvent.DELETED,
                                WebhookEvent.SUBJECT,
                                id,
                                endpoint.partnerId,
                                new WebhookEvent.EndpointChanged(id, endpoint.url, false, "deleted"))))
                .replaceWithVoid();
    }

    /** A new secret; the previous one keeps signing (second signature) for the configured overlap. */
    @WithTransaction
    public Uni<WebhookEndpointView> rotateSecret(UUID id) {
        return visible(id).chain(endpoint -> {
            endpoint.previousSecret = endpoint.secret;
            endpoint.previousSecretExpiresAt = now().plus(config.secretOverlap());
            endpoint.secret = WebhookSigner.newSecret();
            endpoint.updatedAt = now();
            return endpoints
                    .flush()
                    .chain(() -> events.append(
                            WebhookEvent.SECRET_ROTATED,
                            WebhookEvent.SUBJECT,
                            id,
                            endpoint.partnerId,
                            new WebhookEvent.EndpointChanged(id, endpoint.url, endpoint.enabled, null)))
                    .map(x -> view(endpoint, endpoint.secret));
        });
    }

    /**
     * Queues a signed sample event for this endpoint; it travels the same path as every delivery, and this replica's
     * sender is woken once the request (and so its transaction) has ended.
     */
    @WithTransaction
    public Uni<WebhookDeliveryView> sendTest(UUID id) {
        return visible(id)
                .chain(endpoint -> deliveries.enqueueTest(endpoint.id))
                .invoke(queued -> wakeSender());
    }

    /** One page of an endpoint's deliveries, newest first, with their attempts. */
    public Uni<Page<WebhookDeliveryView>> deliveries(UUID endpointId, String status, PageParameters paging) {
        if (status != null && !List.of("pending", "succeeded", "dead").contains(status)) {
            throw DomainException.invalid("status", "must be pending, succeeded or dead");
        }
        PageRequest page = paging.page(NEWEST_FIRST);
        return get(endpointId).chain(endpoint -> queries.deliveries(endpoint.id(), status, page));
    }

    /** Sends deliveries again (same webhook-id): one, or every one of the endpoint created in a time range. */
    @WithTransaction
    public Uni<Integer> replay(UUID endpointId, UUID deliveryId, OffsetDateTime from, OffsetDateTime to) {
        return visible(endpointId)
                .chain(endpoint -> deliveries.replay(endpoint.id, deliveryId, from, to))
                .invoke(replayed -> {
                    if (replayed > 0) {
                        wakeSender();
                    }
                });
    }

    /** Deliveries are due now: the sender looks once this unit of work has committed them, not at its next poll. */
    private void wakeSender() {
        afterWork.add(sender::wake);
    }

    private Uni<WebhookEndpoint> visible(UUID id) {
        return endpoints.findVisible(id, caller.partnerScope()).map(endpoint -> {
            if (endpoint == null) {
                throw DomainException.notFound("webhook endpoint", id);
            }
            return endpoint;
        });
    }

    private static void apply(WebhookEndpoint endpoint, CreateWebhookEndpointRequest request) {
        endpoint.url = request.url();
        endpoint.description = request.description();
        endpoint.eventTypes = request.eventTypes().stream().distinct().toArray(String[]::new);
        endpoint.enabled = request.enabled() == null || request.enabled();
        endpoint.headers = request.headers() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(request.headers());
    }

    private static CreateWebhookEndpointRequest request(WebhookEndpoint e) {
        return new CreateWebhookEndpointRequest(
                e.url, e.description, Arrays.asList(e.eventTypes), e.enabled, e.headers);
    }

    static WebhookEndpointView view(WebhookEndpoint e, String secret) {
        Map<String, String> headers = e.headers == null ? Map.of() : e.headers;
        return new WebhookEndpointView(
                e.id,
                e.url,
                e.description,
                Arrays.asList(e.eventTypes),
                e.enabled,
                e.disabledReason,
                headers,
                secret,
                e.createdAt,
                e.updatedAt,
                e.version);
    }

    private OffsetDateTime now() {
        return Clocks.now(clock);
    }
}
