package dev.rapport.webhook;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.event.EventLog;
import dev.rapport.platform.config.RapportConfig;
import dev.rapport.platform.db.Background;
import dev.rapport.platform.db.Ids;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

/**
 * Sends due deliveries. A batch is claimed in a short transaction ({@code FOR UPDATE SKIP LOCKED}, then a lease
 * pushes {@code next_attempt_at} ahead), so two replicas never send the same attempt; the HTTP calls happen after
 * the commit, concurrently, each with its own timeout, so a slow endpoint delays nobody else. A replica that dies
 * mid-send leaves the lease to expire and the delivery is sent again with the same webhook-id.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);
    private static final int MAX_IN_FLIGHT = 64;
    private static final int MAX_ERROR_BODY = 1024;
    private static final Set<String> RESERVED_HEADERS = Set.of("host", "content-type", "content-length",
            "webhook-id", "webhook-timestamp", "webhook-signature", "user-agent");
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    /**
     * An attempt's outcome in one statement: the delivery's new state, the attempt in its log, and after a success
     * the end of the endpoint's failing streak.
     */
    private static final String RECORD = """
            with delivery as (
                update webhook_delivery set status = :status, last_status_code = :code, last_error = :error,
                    next_attempt_at = coalesce(cast(:next as timestamptz), next_attempt_at),
                    delivered_at = case when :status = 'succeeded' then now() end
                where id = :id
                returning id, endpoint_id
            ), attempt as (
                insert into webhook_attempt (id, delivery_id, attempted_at, status_code, latency_ms, error)
                select :attemptId, id, now(), :code, :latency, :error from delivery
            )
            update webhook_endpoint set failing_since = null
            where :succeeded and failing_since is not null and id = (select endpoint_id from delivery)
            """;

    private final WebhookDeliveries deliveries;
    private final UrlGuard guard;
    private final EventLog events;
    private final ObjectMapper json;
    private final RapportConfig.Webhooks config;
    private final HttpClient client;
    private final Background background;
    private final Vertx vertx;
    private final AtomicInteger inFlight = new AtomicInteger();

    WebhookSender(WebhookDeliveries deliveries, UrlGuard guard, EventLog events, ObjectMapper json,
            RapportConfig config, Vertx vertx) {
        this.deliveries = deliveries;
        this.guard = guard;
        this.events = events;
        this.json = json;
        this.config = config.webhooks();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) this.config.timeout().toMillis())
                .setForceSni(true)
                .setVerifyHost(true)
                .setMaxPoolSize(8)
                .setKeepAlive(true));
        this.background = new Background("webhook-sender", vertx, this::sendDue);
        this.vertx = vertx;
    }

    public void wake() {
        if (config.enabled()) {
            background.wake();
        }
    }

    @Scheduled(every = "${rapport.webhooks.poll-interval:PT1S}", delayed = "1s")
    void poll() {
        wake();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        background.stop();
        client.close();
    }

    /** Claims what is due (up to the free send slots) and starts sending; true when more may be due. */
    Uni<Boolean> sendDue() {
        int free = MAX_IN_FLIGHT - inFlight.get();
        if (free <= 0) {
            return Uni.createFrom().item(false);
        }
        long leaseSeconds = config.timeout().toSeconds() * 2 + 10;
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery("""
                with claimed as (
                    update webhook_delivery d
                    set attempt_count = d.attempt_count + 1,
                        next_attempt_at = now() + cast(cast(:lease as text) as interval)
                    where d.id in (select id from webhook_delivery
                                   where status = 'pending' and next_attempt_at <= now()
                                   order by next_attempt_at limit :limit for update skip locked)
                    returning d.id, d.endpoint_id, d.payload, d.attempt_count
                )
                select c.id, c.endpoint_id, c.payload, c.attempt_count, e.url, e.enabled, e.secret,
                       case when e.previous_secret_expires_at > now() then e.previous_secret end,
                       cast(e.headers as text), e.partner_id
                from claimed c join webhook_endpoint e on e.id = c.endpoint_id
                """, Object[].class)
                .setParameter("lease", leaseSeconds + " seconds")
                .setParameter("limit", free)
                .getResultList()))
                .invoke(claimed -> claimed.forEach(row -> send(DeliveryClaim.of(row))))
                .map(claimed -> claimed.size() == free);
    }

    /** Sends one claimed delivery and records the attempt, on a context (and so a session) of its own. */
    private void send(DeliveryClaim claim) {
        inFlight.incrementAndGet();
        long started = System.nanoTime();
        Background.detached(vertx, () -> (claim.enabled() ? post(claim)
                : Uni.createFrom().item(AttemptOutcome.failed(null, "endpoint disabled", false, null)))
                .onFailure()
                .recoverWithItem(e -> AttemptOutcome.failed(null, describe(e), !(e instanceof GuardRefusal), null))
                .chain(result -> record(claim, result, (int) ((System.nanoTime() - started) / 1_000_000))),
                ignored -> done(),
                failure -> {
                    LOG.errorf(failure, "Recording delivery %s failed; it is retried when its lease expires",
                            claim.id());
                    done();
                });
    }

    private void done() {
        inFlight.decrementAndGet();
        wake();
    }

    private Uni<AttemptOutcome> post(DeliveryClaim claim) {
        return guard.resolve(claim.url())
                .onFailure().transform(GuardRefusal::new)
                .chain(target -> {
                    byte[] body = claim.payload().getBytes(StandardCharsets.UTF_8);
                    long timestamp = System.currentTimeMillis() / 1000;
                    String webhookId = claim.id().toString();
                    String signature = WebhookSigner.sign(claim.secret(), webhookId, timestamp, body);
                    if (claim.previousSecret() != null) {
                        signature += " " + WebhookSigner.sign(claim.previousSecret(), webhookId, timestamp, body);
                    }
                    URI uri = target.uri();
                    String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                            + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
                    RequestOptions options = new RequestOptions()
                            .setMethod(HttpMethod.POST)
                            .setHost(target.host())
                            .setPort(target.port())
                            .setSsl(target.tls())
                            .setURI(path)
                            // connect to the address that was checked, not to a second DNS answer
                            .setServer(SocketAddress.inetSocketAddress(target.port(), target.address().getHostAddress()))
                            .setFollowRedirects(false)
                            .setTimeout(config.timeout().toMillis());
                    customHeaders(claim).forEach(options::putHeader);
                    options.putHeader("content-type", "application/json")
                            .putHeader("user-agent", "Rapport-Webhooks/1")
                            .putHeader("webhook-id", webhookId)
                            .putHeader("webhook-timestamp", Long.toString(timestamp))
                            .putHeader("webhook-signature", signature);
                    return Uni.createFrom().completionStage(() -> client.request(options)
                            .compose(request -> request.send(Buffer.buffer(body)))
                            .compose(response -> response.body().map(responseBody -> AttemptOutcome.of(
                                    response.statusCode(), truncate(responseBody), response.getHeader("retry-after"))))
                            .toCompletionStage())
                            .ifNoItem().after(config.timeout().plusSeconds(1)).fail();
                });
    }

    private Map<String, String> customHeaders(DeliveryClaim claim) {
        try {
            Map<String, String> headers = json.readValue(claim.headers(), HEADERS);
            headers.keySet().removeIf(name -> RESERVED_HEADERS.contains(name.toLowerCase()));
            return headers;
        } catch (Exception e) {
            return Map.of();
        }
    }

    /** Stores the attempt and decides what comes next: done, retry later, dead letter, or endpoint disabled. */
    private Uni<Void> record(DeliveryClaim claim, AttemptOutcome outcome, int latencyMs) {
        List<Duration> schedule = config.retrySchedule();
        boolean lastAttempt = claim.attempt() > schedule.size();
        String status;
        OffsetDateTime next = null;
        if (outcome.succeeded()) {
            status = "succeeded";
        } else if (outcome.retryable() && !lastAttempt) {
            status = "pending";
            next = OffsetDateTime.now().plus(delay(schedule.get(claim.attempt() - 1), outcome.retryAfter()));
        } else {
            status = "dead";
        }
        boolean gone = outcome.statusCode() != null && outcome.statusCode() == 410;
        OffsetDateTime nextAttempt = next;
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(RECORD)
                .setParameter("status", status).setParameter("code", outcome.statusCode())
                .setParameter("error", outcome.error()).setParameter("next", nextAttempt)
                .setParameter("id", claim.id()).setParameter("attemptId", Ids.newId())
                .setParameter("latency", latencyMs).setParameter("succeeded", outcome.succeeded())
                .executeUpdate()
                .chain(() -> outcome.succeeded() ? Uni.createFrom().voidItem() : failing(session, claim, gone))));
    }

    /** Marks the endpoint as failing; disables it on 410 Gone or after failing for too long. */
    private Uni<Void> failing(Mutiny.Session session, DeliveryClaim claim, boolean gone) {
        if (!claim.enabled()) {
            return Uni.createFrom().voidItem();
        }
        return session.createNativeQuery("""
                update webhook_endpoint set failing_since = coalesce(failing_since, now())
                where id = :id returning (failing_since < now() - cast(cast(:after as text) as interval))
                """, Boolean.class)
                .setParameter("id", claim.endpointId())
                .setParameter("after", config.disableAfter().toSeconds() + " seconds")
                .getSingleResultOrNull()
                .chain(tooLong -> gone || Boolean.TRUE.equals(tooLong)
                        ? disable(session, claim, gone ? "The endpoint answered 410 Gone"
                                : "The endpoint failed continuously for " + config.disableAfter())
                        : Uni.createFrom().voidItem());
    }

    private Uni<Void> disable(Mutiny.Session session, DeliveryClaim claim, String reason) {
        return session.createNativeQuery("""
                update webhook_endpoint set enabled = false, disabled_reason = :reason, updated_at = now(),
                    version = version + 1
                where id = :id and enabled
                """)
                .setParameter("reason", reason).setParameter("id", claim.endpointId()).executeUpdate()
                .chain(changed -> changed == 0 ? Uni.createFrom().voidItem()
                        : events.append(WebhookEvent.DISABLED, WebhookEvent.SUBJECT, claim.endpointId(),
                                claim.partnerId(), new WebhookEvent.EndpointChanged(claim.endpointId(), claim.url(),
                                        false, reason)).replaceWithVoid());
    }

    /** The scheduled delay with ±20 % jitter, or the endpoint's Retry-After when that is longer. */
    private static Duration delay(Duration scheduled, Duration retryAfter) {
        long millis = scheduled.toMillis();
        long jittered = (long) (millis * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble()));
        Duration delay = Duration.ofMillis(Math.max(1, jittered));
        return retryAfter != null && retryAfter.compareTo(delay) > 0 ? retryAfter : delay;
    }

    private static String truncate(Buffer body) {
        if (body == null || body.length() == 0) {
            return null;
        }
        return body.length() <= MAX_ERROR_BODY ? body.toString() : body.getBuffer(0, MAX_ERROR_BODY).toString();
    }

    private static String describe(Throwable e) {
        if (e instanceof GuardRefusal refusal) {
            return "Refused: " + refusal.getCause().getMessage();
        }
        String message = e.getMessage();
        return e.getClass().getSimpleName().replace("Exception", "") + (message == null ? "" : ": " + message);
    }
}
