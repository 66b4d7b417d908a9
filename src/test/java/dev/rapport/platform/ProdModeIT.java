package dev.rapport.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

/**
 * Runs the packaged application as production does: {@code java -jar}, the prod profile, a PostgreSQL given by
 * DB_* variables, and bearer tokens checked against an OIDC verification key. Also proves that production refuses
 * to start without an OIDC server configured. (KeycloakIT does the same against a real Keycloak.)
 */
class ProdModeIT {

    private static final String ISSUER = "https://login.example.com/realms/rapport";
    private static KeyPair signingKey;

    @BeforeAll
    static void generateKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        signingKey = generator.generateKeyPair();
    }

    @Test
    void refusesToStartWithoutAnOidcServer() throws Exception {
        try (PackagedApp app = PackagedApp.start(PackagedApp.databaseEnv())) {
            int exit = app.awaitExit(Duration.ofSeconds(90));
            assertThat(exit).as("the service stops by itself with an error").isPositive();
            assertThat(app.log()).contains("auth-server-url");
        }
    }

    @Test
    void servesAgainstAnExternalDatabaseAndChecksTokens() throws Exception {
        Map<String, String> env = PackagedApp.databaseEnv();
        // A verification key instead of a reachable Keycloak: the token checks are the same.
        env.put("QUARKUS_OIDC_PUBLIC_KEY", Base64.getEncoder().encodeToString(signingKey.getPublic().getEncoded()));
        env.put("QUARKUS_OIDC_TOKEN_ISSUER", ISSUER);
        try (PackagedApp app = PackagedApp.start(env).awaitReady(Duration.ofSeconds(90))) {
            String base = app.baseUri();
            given().baseUri(base).when().get("/v1/customers").then()
                    .statusCode(401).contentType("application/problem+json").body("code", equalTo("unauthorized"));
            given().baseUri(base).auth().oauth2(token("agent", Instant.now().minusSeconds(60))).when()
                    .get("/v1/customers").then().statusCode(401);

            String agent = token("agent", Instant.now().plusSeconds(300));
            String id = given().baseUri(base).auth().oauth2(agent).contentType(ContentType.JSON)
                    .body(Map.of("givenName", "Prod", "emails", List.of(Map.of("address", "prod-key@example.com"))))
                    .when().post("/v1/customers").then().statusCode(201).extract().path("id");
            given().baseUri(base).auth().oauth2(agent).when().get("/v1/customers/" + id).then()
                    .statusCode(200).body("givenName", equalTo("Prod"));
            given().baseUri(base).auth().oauth2(token("analyst", Instant.now().plusSeconds(300)))
                    .contentType(ContentType.JSON).body(Map.of("givenName", "No"))
                    .when().post("/v1/customers").then().statusCode(403);

            assertThat(app.log()).as("production logs are JSON").contains("{\"timestamp\"");
        }
    }

    /** A signed RS256 token shaped like Keycloak's: realm roles under realm_access.roles, the API as audience. */
    private static String token(String role, Instant expiresAt) throws Exception {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String header = url.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = "{\"iss\":\"" + ISSUER + "\",\"aud\":\"rapport-api\",\"sub\":\"" + role + "-1\","
                + "\"preferred_username\":\"" + role + "-user\",\"iat\":" + (expiresAt.getEpochSecond() - 600)
                + ",\"exp\":" + expiresAt.getEpochSecond() + ",\"realm_access\":{\"roles\":[\"" + role + "\"]}}";
        String payload = url.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(signingKey.getPrivate());
        signer.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + url.encodeToString(signer.sign());
    }
}
