package dev.rapport.platform.idempotency;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.platform.config.RapportConfig;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.error.ProblemType;
import dev.rapport.platform.time.Clocks;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Runs a POST at most once per {@code Idempotency-Key} and caller.
 *
 * <p>The key is claimed by inserting a row in the same transaction as the work itself. A concurrent request with
 * the same key blocks on that row until the first commits, then replays its stored response; if the first rolls
 * back, the second simply does the work. So one key never creates two records, and a crash never leaves a key
 * stuck half-done.
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final Logger LOG = Logger.getLogger(IdempotentRequests.class);

    private static final String CLAIM = """
            insert into idempotency_key (principal, key, request_hash, expires_at)
            values (:principal, :key, :hash, :expiresAt)
            on conflict (principal, key) do update
                set request_hash = excluded.request_hash, status = null, response_body = null, location = null,
                    etag = null, created_at = :now, expires_at = excluded.expires_at
                where idempotency_key.expires_at < :now
            returning key
            """;
    private static final String LOAD = """
            select request_hash, status, response_body, location, etag
            from idempotency_key where principal = :principal and key = :key
            """;
    private static final String SAVE = """
            update idempotency_key set status = :status, response_body = :body, location = :location, etag = :etag
            where principal = :principal and key = :key
            """;

    private final ObjectMapper json;
    private final SecurityIdentity identity;
    private final RapportConfig config;
    private final Clock clock;

    IdempotentRequests(ObjectMapper json, SecurityIdentity identity, RapportConfig config, Clock clock) {
        this.json = json;
        this.identity = identity;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Runs {@code work} unless this caller already sent {@code key}, in which case the stored response is
     * replayed. Without a key the work simply runs.
     *
     * @param key the Idempotency-Key header, or null
     * @param operation names the endpoint, for example {@code POST /v1/customers}
     * @param request the request body; the same key with another body is refused
     */
    public Uni<Response> run(String key, String operation, Object request, Supplier<Uni<StoredResponse>> work) {
        if (key == null) {
            return work.get().map(this::toResponse);
        }
        if (!VALID_KEY.matcher(key).matches()) {
            throw DomainException.invalid(HEADER, "must be 1 to 255 visible ASCII characters");
        }
        String principal = identity.isAnonymous() ? "" : identity.getPrincipal().getName();
        String hash = hash(operation, request);
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> claim(session, principal, key, hash)
                        .chain(claimed -> claimed
                                ? work.get()
                                        .call(stored -> save(session, principal, key, stored))
                                        .map(this::toResponse)
                                : replay(session, principal, key, hash))));
    }

    /** Whether {@code key} is a well-formed Idempotency-Key: 1 to 255 visible ASCII characters. */
    public static boolean wellFormed(String key) {
        return key != null && VALID_KEY.matcher(key).matches();
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> deleteExpired() {
        return Panache.withTransaction(() -> Panache.getSession()
                        .chain(session -> session.createNativeQuery(
                                        "delete from idempotency_key where expires_at < :now")
                                .setParameter("now", Clocks.now(clock))
                                .executeUpdate()))
                .invoke(count -> LOG.debugf("Deleted %d expired idempotency keys", count))
                .replaceWithVoid();
    }

    private Uni<Boolean> claim(Mutiny.Session session, String principal, String key, String hash) {
        OffsetDateTime now = Clocks.now(clock);
        return session.createNativeQuery(CLAIM, String.class)
                .setParameter("principal", principal)
                .setParameter("key", key)
                .setParameter("hash", hash)
                .setParameter("now", now)
                .setParameter("expiresAt", now.plus(config.idempotency().ttl()))
                .getResultList()
                .map(rows -> !rows.isEmpty());
    }

    private Uni<Integer> save(Mutiny.Session session, String principal, String key, StoredResponse stored) {
        String body;
        try {
            body = json.writeValueAsString(stored.body());
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return session.createNativeQuery(SAVE)
                .setParameter("status", stored.status())
                .setParameter("body", body)
                .setParameter("location", stored.location())
                .setParameter("etag", stored.etag())
                .setParameter("principal", principal)
                .setParameter("key", key)
                .executeUpdate();
    }

    private Uni<Response> replay(Mutiny.Session session, String principal, String key, String hash) {
        return session.createNativeQuery(LOAD, Object[].class)
                .setParameter("principal", principal)
                .setParameter("key", key)
                .getResultList()
                .map(rows -> {
                    List<Object[]> found = rows;
                    if (found.isEmpty() || found.get(0)[1] == null) {
                        // Only possible if the row expired and was cleaned between our insert and this read.
                        throw DomainException.conflict("A request with this Idempotency-Key is in progress; retry");
                    }
                    Object[] row = found.get(0);
                    if (!hash.equals(row[0])) {
                        throw new DomainException(
                                ProblemType.IDEMPOTENCY_KEY_REUSED,
                                "Idempotency-Key " + key + " was already used with a different request body");
                    }
                    Response.ResponseBuilder response = Response.status(((Number) row[1]).intValue())
                            .type(MediaType.APPLICATION_JSON_TYPE)
                            .entity(row[2])
                            .header(REPLAYED_HEADER, "true");
                    if (row[3] != null) {
                        response.location(URI.create((String) row[3]));
                    }
                    if (row[4] != null) {
                        response.header("ETag", row[4]);
                    }
                    return response.build();
                });
    }

    private Response toResponse(StoredResponse stored) {
        Response.ResponseBuilder response = Response.status(stored.status()).entity(stored.body());
        if (stored.location() != null) {
            response.location(URI.create(stored.location()));
        }
        if (stored.etag() != null) {
            response.header("ETag", stored.etag());
        }
        return response.build();
    }

    /** What a repeat of a key must match: a hash of the operation and the request, as JSON. */
    public String hash(String operation, Object request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(operation.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
            digest.update(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot hash the request", e);
        }
    }
}
