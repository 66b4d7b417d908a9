package dev.rapport.platform.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.security.OAuthFlow;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import dev.rapport.platform.security.Roles;

/**
 * Declares how to get a token: {@code oauth2}, the OIDC realm's authorization code flow (with PKCE, for people)
 * and client credentials flow (for partner systems), and {@code bearer}, an access token of the realm pasted as
 * it is. Every operation accepts either. The permission that {@code @RolesAllowed} names is a partner scope; the
 * people's roles that grant it come from the realm, not from an OAuth scope a client requests, so the document
 * lists both in each operation's description rather than in its security requirement.
 */
class SecuritySchemesFilter implements OASFilter {

    static final String OAUTH2 = "oauth2";
    static final String BEARER = "bearer";

    /** The realm of dev mode and tests; a deployment's document names the realm it trusts (OIDC_AUTH_SERVER_URL). */
    static final String DEFAULT_REALM = "http://localhost:8180/realms/rapport";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Set<String> scopes = new TreeSet<>();
        OpenApiModel.forEachOperation(openAPI, (path, entry) -> scopes.addAll(rewrite(entry.getValue())));
        String realm = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.oidc.auth-server-url", String.class)
                .orElse(DEFAULT_REALM)
                .replaceAll("/+$", "");
        String protocol = realm + "/protocol/openid-connect";
        OAuthFlow authorizationCode = OASFactory.createOAuthFlow()
                .authorizationUrl(protocol + "/auth")
                .tokenUrl(protocol + "/token")
                .refreshUrl(protocol + "/token")
                .addScope("openid", "Sign in (OIDC)");
        OAuthFlow clientCredentials = OASFactory.createOAuthFlow().tokenUrl(protocol + "/token");
        for (String scope : scopes) {
            String description = Roles.PERMISSIONS.getOrDefault(scope, "Partner scope " + scope);
            authorizationCode.addScope(scope, description);
            clientCredentials.addScope(scope, description);
        }
        // No operation requires it alone: it widens what a client's other scopes reach (Caller#partnerScope).
        clientCredentials.addScope(Roles.PARTNERS_ALL, Roles.PERMISSIONS.get(Roles.PARTNERS_ALL));
        openAPI.getComponents()
                .addSecurityScheme(
                        OAUTH2,
                        OASFactory.createSecurityScheme()
                                .type(SecurityScheme.Type.OAUTH2)
                                .description(
                                        "The OIDC realm " + realm + " (discovery: " + realm
                                                + "/.well-known/openid-configuration). People sign in with the authorization code flow and "
                                                + "PKCE (S256; public client `rapport-web`), partner systems use the client credentials "
                                                + "flow with their own client. Either way the access token is sent as a bearer token.")
                                .flows(OASFactory.createOAuthFlows()
                                        .authorizationCode(authorizationCode)
                                        .clientCredentials(clientCredentials)));
        openAPI.getComponents()
                .addSecurityScheme(
                        BEARER,
                        OASFactory.createSecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .bearerFormat("JWT")
                                .description("An access token of the realm, obtained by any OIDC client and sent as "
                                        + "`Authorization: Bearer <token>`"));
    }

    /**
     * Replaces the roles of an operation's requirement with the two schemes and says who may call it.
     *
     * @return the partner scopes among the roles
     */
    private static Set<String> rewrite(Operation operation) {
        if (OpenApiModel.isPublic(operation)) {
            operation.setSecurity(List.of());
            String access = "**Who may call it:** anyone holding the link's token; no bearer token.";
            operation.setDescription(
                    operation.getDescription() == null ? access : operation.getDescription() + "\n\n" + access);
            return Set.of();
        }
        Set<String> allowed = new LinkedHashSet<>();
        if (operation.getSecurity() != null) {
            operation
                    .getSecurity()
                    .forEach(requirement -> requirement.getSchemes().values().forEach(allowed::addAll));
        }
        if (allowed.isEmpty() && operation.getSecurity() == null) {
            return Set.of();
        }
        List<SecurityRequirement> security = new ArrayList<>();
        security.add(OASFactory.createSecurityRequirement().addScheme(OAUTH2));
        security.add(OASFactory.createSecurityRequirement().addScheme(BEARER));
        operation.setSecurity(security);
        Set<String> scopes = allowed.stream()
                .filter(role -> role.contains(":"))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> roles = new LinkedHashSet<>();
        allowed.stream().filter(role -> !role.contains(":")).forEach(roles::add);
        scopes.forEach(permission -> roles.addAll(Roles.rolesHolding(permission)));
        String access = "**Who may call it:** " + (roles.isEmpty() ? "no realm role" : "the realm roles " + list(roles))
                + (scopes.isEmpty() ? "; no partner scope." : "; partner clients with the scope " + list(scopes) + ".");
        operation.setDescription(
                operation.getDescription() == null ? access : operation.getDescription() + "\n\n" + access);
        return scopes;
    }

    private static String list(Set<String> names) {
        return names.stream().map(name -> "`" + name + "`").collect(Collectors.joining(", "));
    }
}
