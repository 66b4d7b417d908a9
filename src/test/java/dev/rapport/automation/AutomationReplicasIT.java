package dev.rapport.automation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
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
 * Two packaged instances on one database fire each trigger once per occurrence: an event trigger once per causing
 * event, whichever replica served the write and though one replica is killed, and a birthday trigger once per
 * customer though both replicas sweep it every second.
 */
class AutomationReplicasIT {

    private static final TestTokens TOKENS = TestTokens.create();
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void twoReplicasFireEachTriggerOncePerOccurrenceAndSurviveACrash() throws Exception {
        Map<String, String> env = PackagedApp.databaseEnv();
        env.putAll(TOKENS.oidcEnv());
        env.put("RAPPORT_WEBHOOKS_ALLOW_HTTP", "true");
        env.put("RAPPORT_WEBHOOKS_ALLOWED_NETWORKS", "127.0.0.1/32");
        env.put("RAPPORT_EVENTS_POLL_INTERVAL", "PT0.2S");
        env.put("RAPPORT_AUTOMATIONS_SWEEP_INTERVAL", "PT1S");
        String token = TOKENS.token("manager", Instant.now().plusSeconds(900));
        String tag = "a" + UUID.randomUUID().toString().substring(0, 8);

        try (WebhookReceiver receiver = new WebhookReceiver();
                PackagedApp a = PackagedApp.start(env).awaitReady(Duration.ofSeconds(90));
                PackagedApp b = PackagedApp.start(env).awaitReady(Duration.ofSeconds(90))) {
            post(
                    a,
                    token,
                    "/v1/webhook-endpoints",
                    Map.of("url", receiver.url(), "eventTypes", List.of("trigger.fired")));
            String onCreate = post(
                    b,
                    token,
                    "/v1/triggers",
                    Map.of(
                            "name",
                            "Welcome",
                            "kind",
                            "event",
                            "eventTypes",
                            List.of("customer.created"),
                            "condition",
                            "tags==" + tag,
                            "actions",
                            List.of(Map.of("type", "addTags", "settings", Map.of("tags", List.of("welcomed"))))));
            // a birthday at a local time a little ahead, for customers in UTC
            ZonedDateTime at = ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(2).truncatedTo(ChronoUnit.MINUTES);
            String onBirthday = post(
                    a,
                    token,
                    "/v1/triggers",
                    Map.of(
                            "name",
                            "Birthday",
                            "kind",
                            "date",
                            "date",
                            Map.of(
                                    "field",
                                    "birthday",
                                    "localTime",
                                    at.toLocalTime().toString()),
                            "condition",
                            "tags==" + tag,
                            "actions",
                            List.of(Map.of("type", "webhook", "settings", Map.of()))));

            List<String> customers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                customers.add(create(
                        i % 2 == 0 ? a : b,
                        token,
                        tag,
                        at.toLocalDate().withYear(1990).toString()));
            }
            receiver.await(r -> r.body().contains(onCreate), customers.size(), WAIT);

            a.kill();
            for (int i = 0; i < 5; i++) {
                customers.add(
                        create(b, token, tag, at.toLocalDate().withYear(1991).toString()));
            }
            receiver.await(r -> r.body().contains(onCreate), customers.size(), WAIT);
            assertThat(firedFor(receiver, onCreate)).containsExactlyInAnyOrderElementsOf(customers);

            receiver.await(r -> r.body().contains(onBirthday), customers.size(), Duration.ofMinutes(4));
            // a firing decided twice would arrive within these seconds
            await().during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(6))
                    .untilAsserted(
                            () -> assertThat(firedFor(receiver, onBirthday)).hasSameSizeAs(customers));
            assertThat(firedFor(receiver, onBirthday)).containsExactlyInAnyOrderElementsOf(customers);
            assertThat(firedFor(receiver, onCreate)).hasSameSizeAs(customers);

            await().atMost(WAIT)
                    .until(() -> runs(b, token, onCreate).getList("data.status").stream()
                            .allMatch("succeeded"::equals));
            for (String customer : customers) {
                assertThat(given().baseUri(b.baseUri())
                                .auth()
                                .oauth2(token)
                                .get("/v1/customers/" + customer)
                                .jsonPath()
                                .getList("tags"))
                        .containsExactly(tag, "welcomed");
            }
        }
    }

    /**
     * The customers of the trigger's firings, one per trigger.fired event: a delivery the killed replica sent but
     * had not recorded is sent again with the same event (webhooks are at least once), and is not a second firing.
     */
    private static List<String> firedFor(WebhookReceiver receiver, String trigger) {
        java.util.Map<String, String> byEvent = new java.util.LinkedHashMap<>();
        receiver.received(r -> r.body().contains(trigger)).stream()
                .map(r -> JsonPath.from(r.body()))
                .filter(event -> "trigger.fired".equals(event.getString("type")))
                .forEach(event -> byEvent.putIfAbsent(event.getString("id"), event.getString("data.customerId")));
        return List.copyOf(byEvent.values());
    }

    private static JsonPath runs(PackagedApp app, String token, String trigger) {
        return given().baseUri(app.baseUri())
                .auth()
                .oauth2(token)
                .queryParam("limit", 100)
                .when()
                .get("/v1/triggers/" + trigger + "/runs")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static String post(PackagedApp app, String token, String path, Map<String, Object> body) {
        return given().baseUri(app.baseUri())
                .auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(path)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static String create(PackagedApp app, String token, String tag, String birthday) {
        return post(
                app,
                token,
                "/v1/customers",
                Map.of("givenName", "Replica", "tags", List.of(tag), "birthday", birthday, "timeZone", "UTC"));
    }
}
