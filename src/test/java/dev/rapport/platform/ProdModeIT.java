package dev.rapport.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

/**
 * Runs the packaged application as production does: {@code java -jar}, the prod profile, a PostgreSQL given by
 * DB_* variables, and bearer tokens checked against an OIDC verification key. Also proves that production refuses
 * to start without an OIDC server configured. (KeycloakIT does the same against a real Keycloak.)
 */
class ProdModeIT {

    private static final TestTokens TOKENS = TestTokens.create();

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
        env.putAll(TOKENS.oidcEnv());
        try (PackagedApp app = PackagedApp.start(env).awaitReady(Duration.ofSeconds(90))) {
            String base = app.baseUri();
            given().baseUri(base)
                    .when()
                    .get("/v1/customers")
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .body("code", equalTo("unauthorized"));
            given().baseUri(base)
                    .auth()
                    .oauth2(TOKENS.token("agent", Instant.now().minusSeconds(60)))
                    .when()
                    .get("/v1/customers")
                    .then()
                    .statusCode(401);

            String agent = TOKENS.token("agent", Instant.now().plusSeconds(300));
            String id = given().baseUri(base)
                    .auth()
                    .oauth2(agent)
                    .contentType(ContentType.JSON)
                    .body(Map.of("givenName", "Prod", "emails", List.of(Map.of("address", "prod-key@example.com"))))
                    .when()
                    .post("/v1/customers")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            given().baseUri(base)
                    .auth()
                    .oauth2(agent)
                    .when()
                    .get("/v1/customers/" + id)
                    .then()
                    .statusCode(200)
                    .body("givenName", equalTo("Prod"));
            given().baseUri(base)
                    .auth()
                    .oauth2(TOKENS.token("analyst", Instant.now().plusSeconds(300)))
                    .contentType(ContentType.JSON)
                    .body(Map.of("givenName", "No"))
                    .when()
                    .post("/v1/customers")
                    .then()
                    .statusCode(403);

            given().baseUri(base)
                    .auth()
                    .oauth2(TOKENS.token("manager", Instant.now().plusSeconds(300)))
                    .contentType(ContentType.JSON)
                    .body(Map.of("url", "http://hooks.example.com/rapport", "eventTypes", List.of("*")))
                    .when()
                    .post("/v1/webhook-endpoints")
                    .then()
                    .statusCode(400)
                    .body("errors[0].message", equalTo("must be an https URL"));

            assertThat(app.log()).as("production logs are JSON").contains("{\"timestamp\"");
        }
    }
}
