package dev.rapport.platform.security;

/**
 * Who may do what. People carry realm roles ({@code realm_access.roles}); partner systems carry OAuth scopes
 * ({@code scope}), which the OIDC configuration maps to roles of the same name. Every REST operation and GraphQL
 * field lists, in one {@code @RolesAllowed}, the people roles and the partner scope that may call it.
 */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String MANAGER = "manager";
    public static final String AGENT = "agent";
    public static final String ANALYST = "analyst";

    /** Partner scope: read customers, their purchases and interactions. */
    public static final String CUSTOMERS_READ = "customers:read";
    /** Partner scope: create and change customers, record purchases and interactions. */
    public static final String CUSTOMERS_WRITE = "customers:write";
    /** Partner scope: read the change feed (events of the partner's own records). */
    public static final String EVENTS_READ = "events:read";
    /** Partner scope: register and manage webhook endpoints. */
    public static final String WEBHOOKS_MANAGE = "webhooks:manage";

    private Roles() {
    }
}
