package dev.rapport.survey;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.platform.config.RapportConfig;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.error.ProblemType;
import io.github.bucket4j.Bucket;
import io.quarkus.scheduler.Scheduled;

/**
 * Rate limits of the public answering endpoints, which take no token to limit by: per link (a personal link takes
 * few requests, an anonymous one many) and per client address, per minute, in this replica (a gateway in front
 * enforces global ones). A refused request is a 429 problem.
 */
@ApplicationScoped
class SurveyAnswerLimits {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final RapportConfig.Surveys config;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    SurveyAnswerLimits(RapportConfig config) {
        this.config = config.surveys();
    }

    /** Takes one request of the client {@code address}; refuses when its minute is spent. */
    void address(String address) {
        take("address:" + address, config.addressPerMinute());
    }

    /** Takes one request for a link (its token, whose shape was checked: 43 characters), anonymous or personal. */
    void link(String token, boolean anonymous) {
        if (anonymous) {
            take("link:" + token, config.linkPerMinute());
        } else {
            take("token:" + token, config.tokenPerMinute());
        }
    }

    private void take(String key, long perMinute) {
        Bucket bucket = buckets.computeIfAbsent(
                key,
                k -> Bucket.builder()
                        .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, MINUTE))
                        .build());
        if (!bucket.tryConsume(1)) {
            throw new DomainException(ProblemType.RATE_LIMITED, "Too many answers; retry in a minute");
        }
    }

    /**
     * Forgets buckets that are full again: every minute, the time a bucket takes to refill, so that the map holds
     * the links and addresses of about the last minute only (a link is mostly answered once).
     */
    @Scheduled(every = "1m", delayed = "1m")
    void forgetIdle() {
        buckets.entrySet().removeIf(entry -> entry.getValue().getAvailableTokens() >= capacityOf(entry.getKey()));
    }

    private long capacityOf(String key) {
        return key.startsWith("address:")
                ? config.addressPerMinute()
                : key.startsWith("link:") ? config.linkPerMinute() : config.tokenPerMinute();
    }
}
