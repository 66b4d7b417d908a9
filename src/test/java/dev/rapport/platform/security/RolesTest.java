package dev.rapport.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/** The permissions each person's role grants: what {@code @RolesAllowed} checks for people. */
class RolesTest {

    @Test
    void analystsRead() {
        assertThat(Roles.permissionsOf(Set.of("analyst")))
                .containsExactlyInAnyOrder(
                        "customers:read",
                        "events:read",
                        "segments:read",
                        "automations:read",
                        "tickets:read",
                        "leads:read",
                        "loyalty:read",
                        "surveys:read",
                        "partners:all");
    }

    @Test
    void agentsReadAndWriteCustomers() {
        assertThat(Roles.permissionsOf(Set.of("agent")))
                .containsExactlyInAnyOrder(
                        "customers:read",
                        "customers:write",
                        "events:read",
                        "segments:read",
                        "automations:read",
                        "tickets:read",
                        "tickets:write",
                        "leads:read",
                        "leads:write",
                        "loyalty:read",
                        "loyalty:write",
                        "surveys:read",
                        "surveys:write",
                        "partners:all");
    }

    @Test
    void managersAlsoDeleteCustomersAndManageWebhooks() {
        assertThat(Roles.permissionsOf(Set.of("manager")))
                .containsExactlyInAnyOrder(
                        "customers:read",
                        "customers:write",
                        "customers:delete",
                        "customers:import",
                        "events:read",
                        "segments:read",
                        "segments:write",
                        "automations:read",
                        "automations:manage",
                        "tickets:read",
                        "tickets:write",
                        "tickets:manage",
                        "leads:read",
                        "leads:write",
                        "leads:manage",
                        "loyalty:read",
                        "loyalty:write",
                        "loyalty:manage",
                        "surveys:read",
                        "surveys:write",
                        "webhooks:manage",
                        "partners:all");
    }

    @Test
    void adminsAloneReadTheAuditLog() {
        assertThat(Roles.permissionsOf(Set.of("admin")))
                .containsExactlyInAnyOrder(
                        "customers:read",
                        "customers:write",
                        "customers:delete",
                        "customers:import",
                        "events:read",
                        "segments:read",
                        "segments:write",
                        "automations:read",
                        "automations:manage",
                        "tickets:read",
                        "tickets:write",
                        "tickets:manage",
                        "leads:read",
                        "leads:write",
                        "leads:manage",
                        "loyalty:read",
                        "loyalty:write",
                        "loyalty:manage",
                        "surveys:read",
                        "surveys:write",
                        "webhooks:manage",
                        "audit:read",
                        "privacy:manage",
                        "partners:all");
        assertThat(Set.of("analyst", "agent", "manager"))
                .allSatisfy(role ->
                        assertThat(Roles.permissionsOf(Set.of(role))).doesNotContain("audit:read", "privacy:manage"));
    }

    @Test
    void severalRolesGrantTheUnionOfTheirPermissions() {
        assertThat(Roles.permissionsOf(Set.of("analyst", "agent", "offline_access")))
                .containsExactlyInAnyOrder(
                        "customers:read",
                        "customers:write",
                        "events:read",
                        "segments:read",
                        "automations:read",
                        "tickets:read",
                        "tickets:write",
                        "leads:read",
                        "leads:write",
                        "loyalty:read",
                        "loyalty:write",
                        "surveys:read",
                        "surveys:write",
                        "partners:all");
    }

    @Test
    void unknownRolesAndPermissionsThemselvesGrantNothing() {
        assertThat(Roles.permissionsOf(Set.of())).isEmpty();
        assertThat(Roles.permissionsOf(Set.of("offline_access", "uma_authorization", "Admin", "ADMIN")))
                .isEmpty();
        assertThat(Roles.permissionsOf(Set.of("customers:write", "audit:read"))).isEmpty();
    }

    @Test
    void aPersonsIdentityGainsTheRolesPermissionsBesideTheRoles() {
        SecurityIdentity agent = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("alice.agent"))
                .addRole("agent")
                .build();

        assertThat(RolePermissions.withPermissions(agent).getRoles())
                .containsExactlyInAnyOrder(
                        "agent",
                        "customers:read",
                        "customers:write",
                        "events:read",
                        "segments:read",
                        "automations:read",
                        "tickets:read",
                        "tickets:write",
                        "leads:read",
                        "leads:write",
                        "loyalty:read",
                        "loyalty:write",
                        "surveys:read",
                        "surveys:write",
                        "partners:all");
    }

    @Test
    void aPartnersIdentityKeepsItsScopesAsTheyAre() {
        SecurityIdentity partner = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("acme-sync"))
                .addRoles(Set.of("customers:read", "customers:write"))
                .build();

        assertThat(RolePermissions.withPermissions(partner)).isSameAs(partner);
    }
}
