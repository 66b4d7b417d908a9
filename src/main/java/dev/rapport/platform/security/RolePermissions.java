package dev.rapport.platform.security;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Adds to a person's identity the permissions its realm roles grant ({@link Roles#PERMISSIONS_OF_ROLES}), so that
 * {@code @RolesAllowed} names one permission whoever calls. Runs before {@link VerifiedTokens} remembers the
 * identity, so a remembered token keeps its permissions.
 */
@ApplicationScoped
public class RolePermissions implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return Uni.createFrom().item(withPermissions(identity));
    }

    /** The identity with its roles' permissions added (itself when they add nothing). */
    static SecurityIdentity withPermissions(SecurityIdentity identity) {
        Set<String> granted = Roles.permissionsOf(identity.getRoles());
        if (identity.isAnonymous() || identity.getRoles().containsAll(granted)) {
            return identity;
        }
        return QuarkusSecurityIdentity.builder(identity).addRoles(granted).build();
    }

    @Override
    public int priority() {
        return 100;
    }
}
