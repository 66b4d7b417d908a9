package dev.rapport.platform.security;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.rapport.platform.config.RapportConfig;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Dev-mode convenience until a real identity provider is wired in: every request is the local user
 * {@code dev-admin} with all roles. It works only when {@code rapport.security.dev-identity=true} AND the
 * application runs in dev mode ({@code quarkus:dev}); a packaged application ignores the setting.
 */
@ApplicationScoped
public class DevIdentityMechanism implements BearerOnlyMechanism {

    private static final Logger LOG = Logger.getLogger(DevIdentityMechanism.class);

    private final boolean active;
    private final SecurityIdentity identity = RolePermissions.withPermissions(QuarkusSecurityIdentity.builder()
            .setPrincipal(new QuarkusPrincipal("dev-admin"))
            .addRoles(Set.of(Roles.ADMIN, Roles.MANAGER, Roles.AGENT, Roles.ANALYST))
            .build());

    DevIdentityMechanism(RapportConfig config) {
        boolean wanted = config.security().devIdentity();
        this.active = wanted && LaunchMode.current() == LaunchMode.DEVELOPMENT;
        if (wanted && !active) {
            LOG.warn("rapport.security.dev-identity is ignored outside dev mode");
        }
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        return active ? Uni.createFrom().item(identity) : Uni.createFrom().nullItem();
    }
}
