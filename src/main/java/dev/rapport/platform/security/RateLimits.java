package dev.rapport.platform.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.jwt.JsonWebToken;

import dev.rapport.platform.config.RapportConfig;
import dev.rapport.platform.error.ProblemType;
import dev.rapport.platform.web.HttpProblems;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Token-bucket rate limits per caller on /v1 and /graphql: partner clients share one bucket per client id (with
 * per-client overrides), people have one bucket each. Every answer carries {@code RateLimit-Limit},
 * {@code RateLimit-Remaining} and {@code RateLimit-Reset}; an exhausted bucket answers 429 with
 * {@code Retry-After}. Buckets live in this replica: the gateway in front enforces global limits.
 */
@ApplicationScoped
public class RateLimits {

    /**
     * Where the limit sits on /graphql: after Quarkus' authentication and permission check (filters at -200 and
     * -100), so a refused caller takes nothing, and before the GraphQL route, which the extension adds without an
     * order, so among the first routes of the router (at the REST order, the limit would never see a GraphQL
     * request).
     */
    public static final int GRAPHQL_ORDER = -90;

    private final RapportConfig.RateLimit config;
    private final HttpProblems problems;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimits(RapportConfig config, HttpProblems problems) {
        this.config = config.rateLimit();
        this.problems = problems;
    }

    void install(@Observes Router router) {
        if (!config.enabled()) {
            return;
        }
        router.route("/v1/*").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::limit);
        router.route("/graphql").order(GRAPHQL_ORDER).handler(this::limit);
    }

    private void limit(RoutingContext ctx) {
        identity(ctx)
                .subscribe()
                .with(
                        identity -> {
                            if (identity == null || identity.isAnonymous()) {
                                ctx.next();
                                return;
                            }
                            Key key = keyOf(identity);
                            RapportConfig.Limit limit = key.client()
                                    ? config.clients().getOrDefault(key.name(), config.defaults())
                                    : config.defaults();
                            Bucket bucket = buckets.computeIfAbsent(key.toString(), k -> newBucket(limit));
                            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
                            long resetSeconds = seconds(Duration.ofNanos(probe.getNanosToWaitForReset()));
                            ctx.response()
                                    .putHeader("RateLimit-Limit", Long.toString(limit.capacity()))
                                    .putHeader("RateLimit-Remaining", Long.toString(probe.getRemainingTokens()))
                                    .putHeader("RateLimit-Reset", Long.toString(resetSeconds));
                            if (probe.isConsumed()) {
                                ctx.next();
                            } else {
                                reject(ctx, seconds(Duration.ofNanos(probe.getNanosToWaitForRefill())));
                            }
                        },
                        ctx::fail);
    }

    private static Uni<SecurityIdentity> identity(RoutingContext ctx) {
        if (ctx.user() instanceof QuarkusHttpUser user) {
            return Uni.createFrom().item(user.getSecurityIdentity());
        }
        Uni<SecurityIdentity> deferred = ctx.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
        return deferred == null
                ? Uni.createFrom().nullItem()
                : deferred.onFailure().recoverWithNull();
    }

    private void reject(RoutingContext ctx, long retryAfter) {
        ctx.response().putHeader("Retry-After", Long.toString(retryAfter));
        problems.send(ctx, ProblemType.RATE_LIMITED, "Rate limit exceeded; retry in " + retryAfter + " s");
    }

    /** Forgets buckets that are full again, so that the map holds only recently active callers. */
    @Scheduled(every = "5m", delayed = "5m")
    void forgetIdleCallers() {
        buckets.entrySet().removeIf(entry -> {
            Bucket bucket = entry.getValue();
            return bucket.getAvailableTokens() >= capacityOf(entry.getKey());
        });
    }

    private long capacityOf(String key) {
        Key parsed = Key.parse(key);
        return (parsed.client() ? config.clients().getOrDefault(parsed.name(), config.defaults()) : config.defaults())
                .capacity();
    }

    private static Bucket newBucket(RapportConfig.Limit limit) {
        return Bucket.builder()
                .addLimit(bandwidth ->
                        bandwidth.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.refillPeriod()))
                .build();
    }

    /** Partner clients (a token with a partner or no user name) share a bucket per client; people have their own. */
    private static Key keyOf(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            String client = token.getClaim("azp");
            boolean person =
                    token.getClaim("preferred_username") != null && token.getClaim(Caller.PARTNER_CLAIM) == null;
            if (client != null && !person) {
                return new Key(true, client);
            }
        } else if (identity.getAttribute("azp") != null && identity.getAttribute(Caller.PARTNER_CLAIM) != null) {
            return new Key(true, identity.getAttribute("azp").toString());
        }
        return new Key(false, identity.getPrincipal().getName());
    }

    private static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }

    private record Key(boolean client, String name) {

        static Key parse(String key) {
            return new Key(key.startsWith("client:"), key.substring(key.indexOf(':') + 1));
        }

        @Override
        public String toString() {
            return (client ? "client:" : "user:") + name;
        }
    }
}
