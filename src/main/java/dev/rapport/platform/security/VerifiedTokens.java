package dev.rapport.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import dev.rapport.platform.config.RapportConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Bearer tokens this replica has already verified, with the identity OIDC built for them, until they expire.
 *
 * <p>Verifying an RS256 token (JSON parsing, base64, the RSA check) was the largest CPU cost of a cheap request,
 * and clients send the same token for minutes. As the last {@link SecurityIdentityAugmentor} this class remembers
 * the identity of every token that passed OIDC's full verification, keyed by the token itself (which that
 * identity's credential holds anyway, so the key costs no memory; hashing it with SHA-256 cost more CPU per request
 * than the rest of this class together); as the first {@link HttpAuthenticationMechanism} it answers a request
 * carrying a remembered token with that identity, and lets every other request through to OIDC. A token is trusted
 * until its {@code exp}, and never longer than {@code rapport.security.token-cache.max-age}: a signing key withdrawn
 * from the realm stops being honoured within that time. Hits and misses are in /q/metrics as
 * {@code cache_gets_total{cache="verified-tokens"}}.
 *
 * <p>Rapport authorizes by roles; permission checkers of the original identity are not carried over.
 */
@ApplicationScoped
public class VerifiedTokens implements BearerOnlyMechanism, SecurityIdentityAugmentor {

    private static final String BEARER = "Bearer ";

    private record Verified(SecurityIdentity identity, Duration trustedFor) {}

    private final boolean enabled;
    private final Duration maxAge;
    private final Cache<String, Verified> verified;

    VerifiedTokens(RapportConfig config, MeterRegistry metrics) {
        RapportConfig.TokenCache settings = config.security().tokenCache();
        this.enabled = settings.enabled();
        this.maxAge = settings.maxAge();
        this.verified = Caffeine.newBuilder()
                .maximumSize(settings.maxSize())
                .expireAfter(Expiry.creating((String key, Verified value) -> value.trustedFor()))
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(metrics, verified, "verified-tokens");
    }

    /** The identity of a token verified before, or nothing, so that the next mechanism (OIDC) verifies it. */
    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String token = enabled ? bearerToken(context.request().getHeader("Authorization")) : null;
        Verified known = token == null ? null : verified.getIfPresent(token);
        if (known == null) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(new RememberedIdentity(known.identity(), context));
    }

    /** Remembers the identity of a freshly verified JWT; runs after every other augmentor. */
    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (enabled) {
            remember(identity);
        }
        return Uni.createFrom().item(identity);
    }

    @Override
    public int priority() {
        return Integer.MIN_VALUE;
    }

    private void remember(SecurityIdentity identity) {
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential == null
                || credential.isOpaque()
                || !(identity.getPrincipal() instanceof JsonWebToken jwt)
                || jwt.getExpirationTime() <= 0) {
            return;
        }
        Duration untilExpiry = Duration.between(Instant.now(), Instant.ofEpochSecond(jwt.getExpirationTime()));
        if (untilExpiry.isNegative() || untilExpiry.isZero()) {
            return;
        }
        Map<String, Object> attributes = new HashMap<>(identity.getAttributes());
        // The routing context belongs to the request that brought the token, not to the next ones.
        attributes.remove(RememberedIdentity.ROUTING_CONTEXT);
        SecurityIdentity detached = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addRoles(identity.getRoles())
                .addCredentials(identity.getCredentials())
                .addAttributes(attributes)
                .build();
        Duration trustedFor = untilExpiry.compareTo(maxAge) < 0 ? untilExpiry : maxAge;
        verified.put(credential.getToken(), new Verified(detached, trustedFor));
    }

    private static String bearerToken(String authorization) {
        if (authorization == null
                || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return authorization.substring(BEARER.length()).trim();
    }

    @Override
    public int getPriority() {
        return 2000;
    }
}
