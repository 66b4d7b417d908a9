package dev.rapport.platform;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * The packaged service against a real Keycloak with the committed realm: people's roles and partners' scopes
 * decide what a token may do, and every kind of bad token is refused.
 */
class KeycloakIT {

    private static KeycloakServer keycloak;
    private static PackagedApp app;

    @BeforeAll
    static void start() throws Exception {
        keycloak = KeycloakServer.get();
        Map<String, String> env = PackagedApp.databaseEnv();
        env.put("OIDC_AUTH_SERVER_URL", keycloak.realmUrl());
        app = PackagedApp.start(env).awaitReady(Duration.ofSeconds(90));
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void demoUsersGetWhatTheirRolesAllow() {
        String agent = keycloak.userToken("alice.agent");
        String id = create(agent).statusCode(201).extract().path("id");
        get(keycloak.userToken("arthur.analyst"), "/v1/customers/" + id).statusCode(200);
        create(keycloak.userToken("arthur.analyst"))
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("forbidden"));
        delete(agent, id).statusCode(403);
        delete(keycloak.userToken("mona.manager"), id).statusCode(204);
        get(keycloak.userToken("ada.admin"), "/v1/customers/" + id)
                .statusCode(200)
                .body("deletedAt", notNullValue());
    }

    @Test
    void partnersGetWhatTheirScopesAllow() {
        String acme = keycloak.clientToken("partner-acme", "acme-secret");
        String id = create(acme).statusCode(201).extract().path("id");
        get(acme, "/v1/customers/" + id).statusCode(200);
        delete(acme, id).statusCode(403);

        String readOnly = keycloak.clientToken("partner-readonly", "readonly-secret");
        get(readOnly, "/v1/customers?limit=1").statusCode(200);
        create(readOnly).statusCode(403);
    }

    @Test
    void onePartnerNeverSeesAnothersCustomers() {
        String acme = keycloak.clientToken("partner-acme", "acme-secret");
        String globex = keycloak.clientToken("partner-globex", "globex-secret");
        String tag = "kc" + UUID.randomUUID().toString().substring(0, 8);
        String id = request(acme)
                .contentType(ContentType.JSON)
                .body(Map.of("givenName", "Acme-only", "tags", List.of(tag)))
                .when()
                .post("/v1/customers")
                .then()
                .statusCode(201)
                .body("partnerId", equalTo("acme"))
                .extract()
                .path("id");

        get(globex, "/v1/customers/" + id).statusCode(404);
        get(globex, "/v1/customers?filter=tags==" + tag).statusCode(200).body("data.size()", equalTo(0));
        request(globex)
                .contentType("application/merge-patch+json")
                .body(Map.of("givenName", "Stolen"))
                .when()
                .patch("/v1/customers/" + id)
                .then()
                .statusCode(404);
        graphql(globex, "{ customer(id: \"" + id + "\") { id } }")
                .body("errors[0].extensions.code", equalTo("not-found"));
        get(acme, "/v1/customers?filter=tags==" + tag).statusCode(200).body("data.size()", equalTo(1));
        get(keycloak.userToken("alice.agent"), "/v1/customers/" + id).statusCode(200);

        String reporting = keycloak.clientToken("internal-reporting", "reporting-secret");
        get(reporting, "/v1/customers/" + id).statusCode(200).body("partnerId", equalTo("acme"));
        String unbound = keycloak.clientToken("unbound-client", "unbound-secret");
        get(unbound, "/v1/customers/" + id).statusCode(403).body("code", equalTo("forbidden"));
        get(unbound, "/v1/customers?filter=tags==" + tag).statusCode(403);
        graphql(unbound, "{ customers(limit: 1) { hasMore } }").body("errors[0].extensions.code", equalTo("forbidden"));

        get(keycloak.userToken("ada.admin"), "/v1/audit-entries?filter=resourceId==" + id)
                .statusCode(200)
                .body("data[0].action", equalTo("customer.created"))
                .body("data[0].clientId", equalTo("partner-acme"))
                .body("data[0].partnerId", equalTo("acme"));
    }

    @Test
    void graphqlHonoursTheSameRules() {
        String readOnly = keycloak.clientToken("partner-readonly", "readonly-secret");
        graphql(readOnly, "{ customers(limit: 1) { hasMore } }").body("errors", nullValue());
        graphql(readOnly, "mutation { createCustomer(input: {givenName: \"X\"}) { id } }")
                .body("data.createCustomer", nullValue())
                .body("errors[0].extensions.code", equalTo("forbidden"));
    }

    @Test
    void badTokensAre401() throws Exception {
        get(null, "/v1/customers").statusCode(401).body("code", equalTo("unauthorized"));

        String good = keycloak.userToken("alice.agent");
        String[] parts = good.split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
        get(tampered, "/v1/customers").statusCode(401);

        String noAudience = keycloak.clientToken("partner-no-audience", "no-audience-secret");
        get(noAudience, "/v1/customers").statusCode(401);

        String otherIssuer = given().formParam("grant_type", "client_credentials")
                .formParam("client_id", "partner-acme")
                .formParam("client_secret", "acme-secret")
                .when()
                .post(keycloak.realmUrl().replace("localhost", "127.0.0.1") + "/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
        get(otherIssuer, "/v1/customers").statusCode(401);

        // Lives 3 s (exp has whole seconds, so 2 to 3 s are left); accepted, remembered, then refused once expired.
        String shortLived = keycloak.clientToken("partner-short-lived", "short-lived-secret");
        get(shortLived, "/v1/customers?limit=1").statusCode(200);
        get(shortLived, "/v1/customers?limit=1").statusCode(200);
        Instant aSecondAfterExpiry = Instant.ofEpochSecond(expiryOf(shortLived)).plusSeconds(1);
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> Instant.now().isAfter(aSecondAfterExpiry));
        get(shortLived, "/v1/customers?limit=1").statusCode(401);
    }

    @Test
    void tokensSignedWithARotatedKeyAreAccepted() {
        String before = keycloak.userToken("arthur.analyst");
        get(before, "/v1/customers?limit=1").statusCode(200);

        String newKeyId = keycloak.rotateSigningKey();
        String after = keycloak.userToken("arthur.analyst");
        org.assertj.core.api.Assertions.assertThat(keyIdOf(after))
                .isEqualTo(newKeyId)
                .isNotEqualTo(keyIdOf(before));

        get(after, "/v1/customers?limit=1").statusCode(200);
        get(before, "/v1/customers?limit=1").statusCode(200);
    }

    @Test
    void aVerifiedTokenIsRememberedWithItsRoles() {
        String analyst = keycloak.userToken("arthur.analyst");
        double hits = verifiedTokenHits();
        get(analyst, "/v1/customers?limit=1").statusCode(200);
        get(analyst, "/v1/customers?limit=1").statusCode(200);
        create(analyst).statusCode(403).body("code", equalTo("forbidden"));

        // The first request verified the token; the next two were answered from the cache, with the same roles.
        org.assertj.core.api.Assertions.assertThat(verifiedTokenHits() - hits).isEqualTo(2.0);
    }

    /** Requests answered from the cache of verified tokens, as /q/metrics counts them. */
    private static double verifiedTokenHits() {
        String metrics = given().baseUri(app.baseUri())
                .when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return metrics.lines()
                .filter(line -> line.startsWith("cache_gets_total{")
                        && line.contains("cache=\"verified-tokens\"")
                        && line.contains("result=\"hit\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static long expiryOf(String token) {
        String payload = new String(
                java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        return io.restassured.path.json.JsonPath.from(payload).getLong("exp");
    }

    private static String keyIdOf(String token) {
        String header = new String(
                java.util.Base64.getUrlDecoder().decode(token.split("\\.")[0]),
                java.nio.charset.StandardCharsets.UTF_8);
        return io.restassured.path.json.JsonPath.from(header).getString("kid");
    }

    private static ValidatableResponse create(String token) {
        return request(token)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "givenName",
                        "Kay",
                        "emails",
                        List.of(Map.of("address", "kc." + UUID.randomUUID() + "@example.com"))))
                .when()
                .post("/v1/customers")
                .then();
    }

    private static ValidatableResponse get(String token, String path) {
        return request(token).when().get(path).then();
    }

    private static ValidatableResponse delete(String token, String id) {
        return request(token).when().delete("/v1/customers/" + id).then();
    }

    private static ValidatableResponse graphql(String token, String query) {
        return request(token)
                .contentType(ContentType.JSON)
                .body(Map.of("query", query))
                .when()
                .post("/graphql")
                .then()
                .statusCode(200);
    }

    private static io.restassured.specification.RequestSpecification request(String token) {
        var spec = given().baseUri(app.baseUri());
        return token == null ? spec : spec.auth().oauth2(token);
    }
}
