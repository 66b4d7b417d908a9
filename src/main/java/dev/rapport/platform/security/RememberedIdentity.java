package dev.rapport.platform.security;

import java.security.Permission;
import java.security.Principal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.quarkus.security.credential.Credential;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * The identity of a remembered token (see {@link VerifiedTokens}) for one request: everything is the verified
 * identity's, except the routing context attribute, which is this request's. Copying the identity with
 * {@code QuarkusSecurityIdentity.builder} per request copied its roles, credentials and attributes each time.
 */
final class RememberedIdentity implements SecurityIdentity {

    static final String ROUTING_CONTEXT = RoutingContext.class.getName();

    private final SecurityIdentity verified;
    private final RoutingContext context;

    RememberedIdentity(SecurityIdentity verified, RoutingContext context) {
        this.verified = verified;
        this.context = context;
    }

    @Override
    public Principal getPrincipal() {
        return verified.getPrincipal();
    }

    @Override
    public boolean isAnonymous() {
        return verified.isAnonymous();
    }

    @Override
    public Set<String> getRoles() {
        return verified.getRoles();
    }

    @Override
    public boolean hasRole(String role) {
        return verified.hasRole(role);
    }

    @Override
    public Set<Permission> getPermissions() {
        return verified.getPermissions();
    }

    @Override
    public <T extends Credential> T getCredential(Class<T> type) {
        return verified.getCredential(type);
    }

    @Override
    public Set<Credential> getCredentials() {
        return verified.getCredentials();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getAttribute(String name) {
        return ROUTING_CONTEXT.equals(name) ? (T) context : verified.getAttribute(name);
    }

    @Override
    public Map<String, Object> getAttributes() {
        Map<String, Object> attributes = new HashMap<>(verified.getAttributes());
        attributes.put(ROUTING_CONTEXT, context);
        return Map.copyOf(attributes);
    }

    @Override
    public Uni<Boolean> checkPermission(Permission permission) {
        return verified.checkPermission(permission);
    }
}
