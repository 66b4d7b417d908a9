package dev.rapport.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

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
            // a survey link is answered without any bearer token: the link's token is the credential
            String survey = given().baseUri(base)
                    .auth()
                    .oauth2(agent)
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "name",
                            "Prod CSAT",
                            "status",
                            "active",
                            "questions",
                            List.of(Map.of(
                                    "id",
                                    "sat",
                                    "type",
                                    "csat",
                                    "texts",
                                    List.of(Map.of("locale", "en", "text", "Happy?"))))))
                    .when()
                    .post("/v1/surveys")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            String token = given().baseUri(base)
                    .auth()
                    .oauth2(agent)
                    .contentType(ContentType.JSON)
                    .body(Map.of("customerIds", List.of(id), "channel", "in_app", "touchpoint", "onboarding"))
                    .when()
                    .post("/v1/surveys/" + survey + "/distributions")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("distributions[0].token");
            given().baseUri(base)
                    .when()
                    .get("/v1/survey-responses/" + token)
                    .then()
                    .statusCode(200)
                    .body("questions[0].text", equalTo("Happy?"));
            given().baseUri(base)
                    .contentType(ContentType.JSON)
                    .body(Map.of("answers", List.of(Map.of("question", "sat", "value", 5))))
                    .when()
                    .post("/v1/survey-responses/" + token)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("completed"));
            given().baseUri(base)
                    .contentType(ContentType.JSON)
                    .body(Map.of("answers", List.of(Map.of("question", "sat", "value", 1))))
                    .when()
                    .post("/v1/survey-responses/" + token)
                    .then()
                    .statusCode(409);
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

    /**
     * The request that once ran a replica out of memory: 300 aliases of a page of 100 customers with 50 purchases
     * each, from a read-only caller, against a small heap. With the limits it is refused before it runs and the
     * replica stays ready; with them lifted the same request exhausts the heap and the JVM exits (to be replaced)
     * rather than lingering.
     */
    @Test
    void oneGraphQLRequestCannotExhaustTheHeap() throws Exception {
        Map<String, String> env = PackagedApp.databaseEnv();
        env.putAll(TOKENS.oidcEnv());
        List<String> smallHeap = List.of("-Xmx128m", "-XX:+ExitOnOutOfMemoryError");
        String query = "{"
                + " a%d: customers(limit: 100) { data { stats { purchaseCount } recentPurchases(limit: 50) { id } } }"
                        .repeat(300)
                        .formatted(
                                java.util.stream.IntStream.range(0, 300).boxed().toArray())
                + "}";
        String analyst = TOKENS.token("analyst", Instant.now().plusSeconds(600));
        try (PackagedApp app = PackagedApp.start(env, smallHeap).awaitReady(Duration.ofSeconds(90))) {
            PackagedApp.sql("""
                    insert into customer (id, given_name, created_at, updated_at)
                        select gen_random_uuid(), 'Heap ' || n, now(), now() from generate_series(1, 100) n;
                    insert into purchase (id, customer_id, order_ref, amount, currency, occurred_at, created_at)
                        select gen_random_uuid(), c.id, 'HEAP-' || n, 10, 'EUR', now(), now()
                        from customer c, generate_series(1, 50) n where c.given_name like 'Heap %';
                    """);
            given().baseUri(app.baseUri())
                    .auth()
                    .oauth2(analyst)
                    .contentType(ContentType.JSON)
                    .body(Map.of("query", query))
                    .when()
                    .post("/graphql")
                    .then()
                    .statusCode(200)
                    .body("data", nullValue())
                    .body("errors[0].extensions.code", equalTo("query-too-complex"));
            // one page of it, within the bound, is answered in full
            given().baseUri(app.baseUri())
                    .auth()
                    .oauth2(analyst)
                    .contentType(ContentType.JSON)
                    .body(
                            Map.of(
                                    "query",
                                    "{ customers(limit: 100, filter: \"givenName==Heap*\") { data { recentPurchases(limit: 50) { id } } } }"))
                    .when()
                    .post("/graphql")
                    .then()
                    .statusCode(200)
                    .body("errors", nullValue())
                    .body("data.customers.data", hasSize(100))
                    .body("data.customers.data[99].recentPurchases", hasSize(50));
            given().baseUri(app.baseUri()).when().get("/q/health/ready").then().statusCode(200);
        }

        env.put("RAPPORT_GRAPHQL_MAX_COMPLEXITY", Integer.toString(Integer.MAX_VALUE));
        env.put("RAPPORT_GRAPHQL_MAX_ANSWER_FIELDS", Integer.toString(Integer.MAX_VALUE));
        try (PackagedApp app = PackagedApp.start(env, smallHeap).awaitReady(Duration.ofSeconds(90))) {
            java.util.concurrent.CompletableFuture.runAsync(() -> {
                try {
                    given().baseUri(app.baseUri())
                            .auth()
                            .oauth2(analyst)
                            .contentType(ContentType.JSON)
                            .body(Map.of("query", query))
                            .post("/graphql");
                } catch (RuntimeException connectionLost) {
                    // expected: the JVM exits while the request runs
                }
            });
            assertThat(app.awaitExit(Duration.ofSeconds(120)))
                    .as("a replica out of heap exits")
                    .isEqualTo(3);
            assertThat(app.log()).contains("OutOfMemoryError");
        }
    }
}
