package dev.rapport.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.rapport.platform.PackagedApp;
import dev.rapport.platform.TestTokens;
import io.restassured.http.ContentType;

/**
 * Two packaged service instances on one database, as two replicas: every event reaches the receiver, no attempt is
 * sent twice, and killing one instance while it is sending loses nothing.
 */
class WebhookReplicasIT {

    private static final TestTokens TOKENS = TestTokens.create();

    @Test
    void twoReplicasDeliverEveryEventOnceAndSurviveACrash() throws Exception {
        Map<String, String> env = PackagedApp.databaseEnv();
        env.putAll(TOKENS.oidcEnv());
        env.put("RAPPORT_WEBHOOKS_ALLOW_HTTP", "true");
        env.put("RAPPORT_WEBHOOKS_ALLOWED_NETWORKS", "127.0.0.1/32");
        env.put("RAPPORT_WEBHOOKS_TIMEOUT", "PT2S");
        env.put("RAPPORT_WEBHOOKS_RETRY_SCHEDULE", "PT0.5S,PT0.5S,PT1S,PT1S,PT1S");
        String token = TOKENS.token("manager", Instant.now().plusSeconds(900));

        try (WebhookReceiver receiver = new WebhookReceiver();
                PackagedApp a = PackagedApp.start(env).awaitReady(Duration.ofSeconds(90));
                PackagedApp b = PackagedApp.start(env).awaitReady(Duration.ofSeconds(90))) {
            String tag = "r" + UUID.randomUUID().toString().substring(0, 8);
            given().baseUri(a.baseUri())
                    .auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(Map.of("url", receiver.url(), "eventTypes", List.of("customer.created")))
                    .when()
                    .post("/v1/webhook-endpoints")
                    .then()
                    .statusCode(201);

            List<String> customers = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                customers.add(create(i % 2 == 0 ? a : b, token, tag));
            }
            receiver.await(r -> r.body().contains(tag), customers.size(), Duration.ofSeconds(30));
            // An attempt sent twice would arrive within these seconds.
            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(5))
                    .untilAsserted(
                            () -> assertThat(receiver.received(r -> r.body().contains(tag)))
                                    .hasSameSizeAs(customers));
            List<WebhookReceiver.Received> got = receiver.received(r -> r.body().contains(tag));
            assertThat(got).hasSameSizeAs(customers);
            assertThat(subjects(got)).containsExactlyInAnyOrderElementsOf(customers);
            assertThat(got).extracting(WebhookReceiver.Received::id).doesNotHaveDuplicates();

            // A slow receiver keeps attempts in flight; instance A dies in the middle of them.
            receiver.delay(Duration.ofMillis(1500));
            List<String> more = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                more.add(create(i % 2 == 0 ? a : b, token, tag));
            }
            // Every one of them has reached the receiver, which answers each only 1.5 s later.
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> subjects(receiver.received(r -> r.body().contains(tag)))
                            .containsAll(more));
            a.kill();
            receiver.delay(Duration.ZERO);
            for (int i = 0; i < 5; i++) {
                more.add(create(b, token, tag));
            }
            int expected = customers.size() + more.size();
            receiver.await(r -> r.body().contains(tag), expected, Duration.ofSeconds(60));
            Set<String> delivered = subjects(receiver.received(r -> r.body().contains(tag)));
            assertThat(delivered).containsAll(customers).containsAll(more);
        }
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

    private static Set<String> subjects(List<WebhookReceiver.Received> requests) {
        return requests.stream()
                .map(r -> io.restassured.path.json.JsonPath.from(r.body()).getString("data.id"))
                .collect(Collectors.toSet());
    }
}
