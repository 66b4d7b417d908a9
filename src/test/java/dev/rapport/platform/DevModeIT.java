package dev.rapport.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.rapport.webhook.WebhookReceiver;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The README's first command, {@code ./mvnw quarkus:dev}, as a new user runs it: dev mode becomes ready with its
 * embedded PostgreSQL and the demo data (db/demo), serves the demo customers through REST, GraphQL, search and the
 * change feed, and delivers webhooks to a receiver on loopback without extra settings. Dev mode shares target/ with
 * this build, so the test also checks that it left the build's classes and package as they were.
 */
class DevModeIT {

    private static final String ADA = "01900000-0000-7000-8000-000000000001";
    private static final String GRACE = "01900000-0000-7000-8000-000000000002";
    private static final String ZOE = "01900000-0000-7000-8000-000000000003";
    private static final List<Path> BUILD_OUTPUT =
            List.of(Path.of("target", "classes"), Path.of("target", "test-classes"), Path.of("target", "quarkus-app"));

    @Test
    void servesTheDemoCustomersAndDeliversWebhooksToLoopback() throws Exception {
        Map<String, String> buildOutput = snapshot();
        try (DevModeApp app = DevModeApp.start()) {
            app.awaitReady(Duration.ofMinutes(4));
            try {
                demoCustomers(app.baseUri());
                webhookToLoopback(app.baseUri());
            } catch (Throwable failure) {
                failure.addSuppressed(new AssertionError("dev mode's output" + app.logTail()));
                throw failure;
            }
        }
        Map<String, String> after = snapshot();
        assertThat(after.entrySet())
                .as("files of target/classes, target/test-classes and target/quarkus-app that "
                        + "quarkus:dev wrote or deleted (the rest of the build needs them as they were)")
                .containsExactlyInAnyOrderElementsOf(buildOutput.entrySet());
    }

    private static void demoCustomers(String base) {
        given().baseUri(base)
                .when()
                .get("/v1/customers")
                .then()
                .statusCode(200)
                .body("data.id", contains(ZOE, GRACE, ADA))
                .body("data.givenName", contains("Zoë", "Grace", "Ada"));

        given().baseUri(base)
                .queryParam("q", "zoe orsted")
                .when()
                .get("/v1/customers")
                .then()
                .statusCode(200)
                .body("data.id", contains(ZOE));

        given().baseUri(base)
                .contentType(ContentType.JSON)
                .body(Map.of("query", """
                        { customer(id: "%s") { givenName familyName emails { address }
                            recentPurchases(limit: 5) { orderRef } stats { purchaseCount } } }
                        """.formatted(ADA)))
                .when()
                .post("/graphql")
                .then()
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.customer.givenName", equalTo("Ada"))
                .body("data.customer.emails.address", contains("ada@example.com"))
                .body("data.customer.recentPurchases.orderRef", contains("ORD-1002", "ORD-1001"))
                .body("data.customer.stats.purchaseCount", equalTo(2));

        given().baseUri(base)
                .queryParam("types", "customer.created")
                .when()
                .get("/v1/events")
                .then()
                .statusCode(200)
                .body("data.subjectId", containsInAnyOrder(ADA, GRACE, ZOE))
                .body("data.data.givenName", containsInAnyOrder("Ada", "Grace", "Zoë"));
    }

    /** Dev mode allows http and loopback receivers by default; a change to a demo customer is delivered, signed. */
    private static void webhookToLoopback(String base) throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String secret = given().baseUri(base)
                    .contentType(ContentType.JSON)
                    .body(Map.of("url", receiver.url(), "eventTypes", List.of("customer.*")))
                    .when()
                    .post("/v1/webhook-endpoints")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("secret");

            given().baseUri(base)
                    .contentType("application/merge-patch+json")
                    .header("If-Match", "\"0\"")
                    .body(Map.of("tags", List.of("newsletter", "speaker")))
                    .when()
                    .patch("/v1/customers/" + GRACE)
                    .then()
                    .statusCode(200)
                    .body("tags", contains("newsletter", "speaker"));

            List<WebhookReceiver.Received> deliveries = receiver.await(
                    r -> "customer.updated".equals(JsonPath.from(r.body()).getString("type")),
                    1,
                    Duration.ofSeconds(30));
            assertThat(deliveries)
                    .as("customer.updated deliveries to " + receiver.url())
                    .hasSize(1);
            WebhookReceiver.Received delivery = deliveries.get(0);
            assertThat(WebhookReceiver.verifies(secret, delivery, Instant.now().getEpochSecond()))
                    .as("the delivery is signed with the endpoint's secret")
                    .isTrue();
            JsonPath body = JsonPath.from(delivery.body());
            assertThat(body.getString("data.id")).isEqualTo(GRACE);
            assertThat(body.getList("data.changedFields", String.class)).containsExactly("tags");
        }
    }

    /** Size and modification time of every file the build made before the integration tests. */
    private static Map<String, String> snapshot() throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (Path root : BUILD_OUTPUT) {
            assertThat(root).as(root + " is built before the integration tests").isDirectory();
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    files.put(file.toString(), Files.size(file) + " bytes, " + Files.getLastModifiedTime(file));
                }
            }
        }
        return files;
    }
}
