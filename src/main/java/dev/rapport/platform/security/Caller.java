package dev.rapport.platform.security;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.error.ProblemType;
import dev.rapport.platform.filter.SqlParams;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling, beyond roles: the name recorded as actor, the OAuth client, and the partner a partner client is
 * bound to ({@code partner_id} claim). A partner sees and changes only the records it created; people, and clients
 * of internal integrations, see all ({@link Roles#PARTNERS_ALL}); any other caller none.
 */
@ApplicationScoped
public class Caller {

    public static final String PARTNER_CLAIM = "partner_id";
    private static final String CLIENT_CLAIM = "azp";
    /** The actor recorded for writes made by the service itself. */
    public static final String SYSTEM = "system";

    private final SecurityIdentity identity;

    Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The caller's name (preferred user name, or subject), null when anonymous. */
    public String name() {
        return !inRequest()
                ? SYSTEM
                : identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }

    /** Background work (consumers, the webhook sender) acts as the system, outside any request. */
    private static boolean inRequest() {
        return io.quarkus.arc.Arc.container().requestContext().isActive();
    }

    /** Whether the caller holds {@code role} (a person's role or a partner's scope); background work holds none. */
    public boolean has(String role) {
        return inRequest() && identity.hasRole(role);
    }

    /** The OAuth client the token was issued to, when known. */
    public Optional<String> clientId() {
        return claim(CLIENT_CLAIM);
    }

    /**
     * The partner whose records alone this caller may see and change, or null for callers that see every record:
     * people and internal integrations (who hold {@link Roles#PARTNERS_ALL}) and background work. Records carry the
     * partner that created them (null for in-house records).
     *
     * @throws DomainException forbidden for a caller bound to no partner and not allowed all of them: a client with
     *     a partner's scopes but no {@code partner_id} claim sees nothing rather than everything
     */
    public String partnerScope() {
        Optional<String> partner = partnerId();
        if (partner.isPresent() || !inRequest()) {
            return partner.orElse(null);
        }
        if (!identity.hasRole(Roles.PARTNERS_ALL)) {
            throw new DomainException(
                    ProblemType.FORBIDDEN,
                    "This client is bound to no partner (no partner_id claim) and may not act for all of them ("
                            + Roles.PARTNERS_ALL + ")");
        }
        return null;
    }

    /** Whether a caller of {@code scope} ({@link #partnerScope}) may see a record owned by {@code owner}. */
    public static boolean mayAccess(String scope, String owner) {
        return scope == null || scope.equals(owner);
    }

    /**
     * The SQL condition that limits rows to those a caller of {@code scope} may see, to be joined with {@code and}:
     * {@code column = $n} for a partner, {@code true} for everyone else.
     */
    public static String scopeCondition(String scope, String column, SqlParams params) {
        return scope == null ? "true" : column + " = " + params.bind(scope);
    }

    /** The partner this caller acts for; empty for people and unbound clients ({@link #partnerScope} tells them apart). */
    public Optional<String> partnerId() {
        return claim(PARTNER_CLAIM);
    }

    private Optional<String> claim(String name) {
        if (!inRequest() || identity.isAnonymous()) {
            return Optional.empty();
        }
        Object value = identity.getPrincipal() instanceof JsonWebToken token ? token.getClaim(name) : null;
        if (value == null) {
            value = identity.getAttribute(name);
        }
        String text = value == null ? null : value.toString().replace("\"", "");
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(text);
    }
}
