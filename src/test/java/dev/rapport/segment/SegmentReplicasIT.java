package dev.rapport.segment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.rapport.platform.PackagedApp;
import dev.rapport.platform.TestTokens;
import dev.rapport.webhook.WebhookReceiver;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Two packaged instances on one database keep one segment's membership: each customer that comes to match enters
 * once, whichever replica served its write, and killing one replica loses no entry.
 */
class SegmentReplicasIT {

    private static final TestTokens TOKENS = TestTokens.create();

    @Test
    void twoReplicasMoveEachCustomerInOnceAndSurviveACrash() throws Exception {
        Map<String, String> env = PackagedApp.databaseEnv();
        env.putAll(TOKENS.oidcEnv());
        env.put("RAPPORT_WEBHOOKS_ALLOW_HTTP", "true");
        env.put("RAPPORT_WEBHOOKS_ALLOWED_NETWORKS", "127.0.0.1/32");
        env.put("RAPPORT_EVENTS_POLL_INTERVAL", "PT0.2S");
        String token = TOKENS.token("manager", Instant.now().plusSeconds(900));
        String tag = "s" + UUID.randomUUID().toString().substring(0, 8);

        try (WebhookReceiver receiver = new WebhookReceiver();
                PackagedApp a = PackagedApp.start(env).awaitReady(Duration.ofSeconds(90));
                PackagedApp b = PackagedApp.start(env).awaitReady(Duration.ofSeconds(90))) {
            given().baseUri(a.baseUri())
                    .auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(Map.of("url", receiver.url(), "eventTypes", List.of("segment.entered")))
                    .when()
                    .post("/v1/webhook-endpoints")
                    .then()
                    .statusCode(201);
            String segment = given().baseUri(b.baseUri())
                    .auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "name", "Replicated", "kind", "dynamic", "rule", "tags==" + tag + ";attributes.on==true"))
                    .when()
                    .post("/v1/segments")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> "ready".equals(segmentOf(a, token, segment).getString("status")));

            List<String> customers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String id = create(i % 2 == 0 ? a : b, token, tag);
                switchOn(i % 3 == 0 ? a : b, token, id);
                customers.add(id);
            }
            receiver.await(r -> r.body().contains(segment), customers.size(), Duration.ofSeconds(30));

            a.kill();
            for (int i = 0; i < 5; i++) {
                String id = create(b, token, tag);
                switchOn(b, token, id);
                customers.add(id);
            }
            receiver.await(r -> r.body().contains(segment), customers.size(), Duration.ofSeconds(30));
            // an entry decided twice would arrive within these seconds
            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(5))
                    .untilAsserted(
                            () -> assertThat(receiver.received(r -> r.body().contains(segment)))
                                    .hasSameSizeAs(customers));
            List<String> entered = receiver.received(r -> r.body().contains(segment)).stream()
                    .map(r -> JsonPath.from(r.body()).getString("data.customerId"))
                    .toList();
            assertThat(entered).containsExactlyInAnyOrderElementsOf(customers);
            assertThat(segmentOf(b, token, segment).getLong("memberCount")).isEqualTo(customers.size());
        }
    }

    private static JsonPath segmentOf(PackagedApp app, String token, String id) {
        return given().baseUri(app.baseUri())
                .auth()
                .oauth2(token)
                .when()
                .get("/v1/segments/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static String create(PackagedApp app, String token, String tag) {
        return given().baseUri(app.baseUri())
                .auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("givenName", "Replica", "tags", List.of(tag)))
                .when()
                .post("/v1/customers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static void switchOn(PackagedApp app, String token, String id) {
        given().baseUri(app.baseUri())
                .auth()
                .oauth2(token)
                .contentType("application/merge-patch+json")
                .body(Map.of("attributes", Map.of("on", true)))
                .when()
                .patch("/v1/customers/" + id)
                .then()
                .statusCode(200);
    }
}
