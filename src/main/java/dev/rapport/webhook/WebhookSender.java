package dev.rapport.webhook;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import dev.rapport.platform.db.PooledStatements;
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
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Sends due deliveries. A batch is claimed by one statement ({@code FOR UPDATE SKIP LOCKED}, then a lease pushes
 * {@code next_attempt_at} ahead), so two replicas never send the same attempt; the HTTP calls happen after
 * the commit, concurrently, each with its own timeout, so a slow endpoint delays nobody else. A replica that dies
 * mid-send leaves the lease to expire and the delivery is sent again with the same webhook-id.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);
    private static final int MAX_ERROR_BODY = 1024;
    private static final Set<String> RESERVED_HEADERS = Set.of(
            "host",
            "content-type",
            "content-length",
            "webhook-id",
            "webhook-timestamp",
            "webhook-signature",
            "user-agent");
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};

    /**
     * Claims up to $2 due deliveries for a lease of $1: one statement, so its row locks and the lease commit together
     * without a transaction around it.
     */
    private static final String CLAIM = """
            with claimed as (
                update webhook_delivery d
                set attempt_count = d.attempt_count + 1,
                    next_attempt_at = now() + cast(cast($1 as text) as interval)
                where d.id in (select id from webhook_delivery
                               where status = 'pending' and next_attempt_at <= now()
                               order by next_attempt_at limit $2 for update skip locked)
                returning d.id, d.endpoint_id, d.payload, d.attempt_count
            )
            select c.id, c.endpoint_id, c.payload, c.attempt_count, e.url, e.enabled, e.secret,
                   case when e.previous_secret_expires_at > now() then e.previous_secret end,
                   cast(e.headers as text), e.partner_id
            from claimed c join webhook_endpoint e on e.id = c.endpoint_id
            """;

    /**
     * An attempt's outcome in one statement (atomic without a transaction around it): the delivery's new state
     * ($1 status, $2 HTTP status, $3 error, $4 next attempt or null), the attempt ($6, $7 ms) in its log, and after a
     * success ($8) the end of the endpoint's failing streak.
     */
    private static final String RECORD = """
            with delivery as (
                update webhook_delivery set status = $1, last_status_code = $2, last_error = $3,
                    next_attempt_at = coalesce($4, next_attempt_at),
                    delivered_at = case when $1 = 'succeeded' then now() end
                where id = $5
                returning id, endpoint_id
            ), attempt as (
                insert into webhook_attempt (id, delivery_id, attempted_at, status_code, latency_ms, error)
                select $6, id, now(), $2, $7, $3 from delivery
            )
            update webhook_endpoint set failing_since = null
            where $8 and failing_since is not null and id = (select endpoint_id from delivery)
            """;

    private final PooledStatements statements;
    private final UrlGuard guard;
    private final EventLog events;
    private final ObjectMapper json;
    private final RapportConfig.Webhooks config;
    private final HttpClient client;
    private final Background background;
    private final Vertx vertx;
    private final AtomicInteger inFlight = new AtomicInteger();

    WebhookSender(
            PooledStatements statements,
            UrlGuard guard,
            EventLog events,
            ObjectMapper json,
            RapportConfig config,
            Vertx vertx) {
        this.statements = statements;
        this.guard = guard;
        this.events = events;
        this.json = json;
        this.config = config.webhooks();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) this.config.timeout().toMillis())
                .setForceSni(true)
                .setVerifyHost(true)
                .setMaxPoolSize(this.config.connectionsPerEndpoint())
                .setKeepAlive(true));
        this.background = new Background("webhook-sender", vertx, this::sendDue);
        this.vertx = vertx;
    }

    public void wake() {
        if (config.enabled()) {
            background.wake();
        }
    }

    @Scheduled(every = "${rapport.webhooks.poll-interval}", delayed = "1s")
    void poll() {
        wake();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        background.stop();
        client.close();
    }

    /** Claims what is due (up to the free send slots) and starts sending; true when more may be due. */
    Uni<Boolean> sendDue() {
        int free = config.maxInFlight() - inFlight.get();
        if (free <= 0) {
            return Uni.createFrom().item(false);
        }
        long leaseSeconds = config.timeout().toSeconds() * 2 + 10;
        return statements
                .list(CLAIM, Tuple.of(leaseSeconds + " seconds", free), DeliveryClaim::of)
                .invoke(claimed -> claimed.forEach(this::send))
                .map(claimed -> claimed.size() == free);
    }

    /**
     * Sends one claimed delivery and records the attempt, on a Vert.x context of its own (so that a failure's
     * Hibernate session, see {@link #record}, is its own too).
     */
    private void send(DeliveryClaim claim) {
        inFlight.incrementAndGet();
        long started = System.nanoTime();
        Background.detached(
                vertx,
                () -> (claim.enabled()
                                ? post(claim)
                                : Uni.createFrom().item(AttemptOutcome.failed(null, "endpoint disabled", false, null)))
                        .onFailure()
                        .recoverWithItem(
                                e -> AttemptOutcome.failed(null, describe(e), !(e instanceof GuardRefusal), null))
                        .chain(result -> record(claim, result, (int) ((System.nanoTime() - started) / 1_000_000))),
                ignored -> done(),
                failure -> {
                    LOG.errorf(
                            failure, "Recording delivery %s failed; it is retried when its lease expires", claim.id());
                    done();
                });
    }

    private void done() {
        inFlight.decrementAndGet();
        wake();
    }

    private Uni<AttemptOutcome> post(DeliveryClaim claim) {
        return guard.resolve(claim.url())
                .onFailure()
                .transform(GuardRefusal::new)
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
                            .setServer(SocketAddress.inetSocketAddress(
                                    target.port(), target.address().getHostAddress()))
                            .setFollowRedirects(false)
                            .setTimeout(config.timeout().toMillis());
                    customHeaders(claim).forEach(options::putHeader);
                    options.putHeader("content-type", "application/json")
                            .putHeader("user-agent", "Rapport-Webhooks/1")
                            .putHeader("webhook-id", webhookId)
                            .putHeader("webhook-timestamp", Long.toString(timestamp))
                            .putHeader("webhook-signature", signature);
                    return Uni.createFrom()
                            .completionStage(() -> client.request(options)
                                    .compose(request -> request.send(Buffer.buffer(body)))
                                    .compose(response -> response.body()
                                            .map(responseBody -> AttemptOutcome.of(
                                                    response.statusCode(),
                                                    truncate(responseBody),
                                                    response.getHeader("retry-after"))))
                                    .toCompletionStage())
                            .ifNoItem()
                            .after(config.timeout().plusSeconds(1))
                            .fail();
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
        Uni<Void> recorded = statements
                .execute(
                        RECORD,
                        Tuple.from(Arrays.asList(
                                status,
                                outcome.statusCode(),
                                outcome.error(),
                                next,
                                claim.id(),
                                Ids.newId(),
                                latencyMs,
                                outcome.succeeded())))
                .replaceWithVoid();
        if (outcome.succeeded() || !claim.enabled()) {
            return recorded;
        }
        // A failure also marks the endpoint as failing, and may disable it (with its event): a transaction of its
        // own. Lost in a crash between the two, the mark is set again by the endpoint's next failure.
        return recorded.chain(() ->
                Panache.withTransaction(() -> Panache.getSession().chain(session -> failing(session, claim, gone))));
    }

    /** Marks the endpoint as failing; disables it on 410 Gone or after failing for too long. */
    private Uni<Void> failing(Mutiny.Session session, DeliveryClaim claim, boolean gone) {
        return session.createNativeQuery("""
                update webhook_endpoint set failing_since = coalesce(failing_since, now())
                where id = :id returning (failing_since < now() - cast(cast(:after as text) as interval))
                """, Boolean.class)
                .setParameter("id", claim.endpointId())
                .setParameter("after", config.disableAfter().toSeconds() + " seconds")
                .getSingleResultOrNull()
                .chain(tooLong -> gone || Boolean.TRUE.equals(tooLong)
                        ? disable(
                                session,
                                claim,
                                gone
                                        ? "The endpoint answered 410 Gone"
                                        : "The endpoint failed continuously for " + config.disableAfter())
                        : Uni.createFrom().voidItem());
    }

    private Uni<Void> disable(Mutiny.Session session, DeliveryClaim claim, String reason) {
        return session.createNativeQuery("""
                update webhook_endpoint set enabled = false, disabled_reason = :reason, updated_at = now(),
                    version = version + 1
                where id = :id and enabled
                """)
                .setParameter("reason", reason)
                .setParameter("id", claim.endpointId())
                .executeUpdate()
                .chain(changed -> changed == 0
                        ? Uni.createFrom().voidItem()
                        : events.append(
                                        WebhookEvent.DISABLED,
                                        WebhookEvent.SUBJECT,
                                        claim.endpointId(),
                                        claim.partnerId(),
                                        new WebhookEvent.EndpointChanged(
                                                claim.endpointId(), claim.url(), false, reason))
                                .replaceWithVoid());
    }

    /** The scheduled delay with ±20 % jitter, or the endpoint's Retry-After when that is longer. */
    private static Duration delay(Duration scheduled, Duration retryAfter) {
        long millis = scheduled.toMillis();
        long jittered =
                (long) (millis * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble()));
        Duration delay = Duration.ofMillis(Math.max(1, jittered));
        return retryAfter != null && retryAfter.compareTo(delay) > 0 ? retryAfter : delay;
    }

    private static String truncate(Buffer body) {
        if (body == null || body.length() == 0) {
            return null;
        }
        return body.length() <= MAX_ERROR_BODY
                ? body.toString()
                : body.getBuffer(0, MAX_ERROR_BODY).toString();
    }

    private static String describe(Throwable e) {
        if (e instanceof GuardRefusal refusal) {
            return "Refused: " + refusal.getCause().getMessage();
        }
        String message = e.getMessage();
        return e.getClass().getSimpleName().replace("Exception", "") + (message == null ? "" : ": " + message);
    }
}
