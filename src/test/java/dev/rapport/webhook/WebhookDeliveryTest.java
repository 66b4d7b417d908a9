package dev.rapport.webhook;

import static dev.rapport.customer.CustomerFixtures.aCustomer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.rapport.platform.Concurrently;
import dev.rapport.platform.security.RolePermissions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@TestSecurity(user = "mona.manager", roles = "manager", augmentors = RolePermissions.class)
class WebhookDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void everyEventReachesTheEndpointOnceSignedOverTheExactBytes() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonPath endpoint = register(receiver.url(), "customer.*");
            String secret = endpoint.getString("secret");
            assertThat(secret).startsWith("whsec_");
            try {
                String first = aCustomer().create();
                String second = aCustomer().create();
                List<WebhookReceiver.Received> got =
                        receiver.await(r -> r.body().contains(first) || r.body().contains(second), 2, WAIT);
                Thread.sleep(1000); // anything extra would arrive by now
                got = receiver.received(
                        r -> r.body().contains(first) || r.body().contains(second));

                assertThat(got).hasSize(2);
                assertThat(got).extracting(WebhookReceiver.Received::id).doesNotHaveDuplicates();
                long now = Instant.now().getEpochSecond();
                for (WebhookReceiver.Received request : got) {
                    assertThat(WebhookReceiver.verifies(secret, request, now))
                            .as("signature verifies")
                            .isTrue();
                    JsonPath envelope = JsonPath.from(request.body());
                    assertThat(envelope.getString("type")).isEqualTo("customer.created");
                    assertThat(envelope.getString("id")).isNotBlank();
                    assertThat(envelope.getString("createdAt")).isNotBlank();
                    assertThat(request.headers().get("Content-type")).containsExactly("application/json");
                }
                WebhookReceiver.Received one = got.get(0);
                assertThat(WebhookReceiver.verifies(
                                secret,
                                one.id(),
                                one.timestamp(),
                                one.signature(),
                                one.body().replace("Ada", "Eve"),
                                now))
                        .as("tampered body")
                        .isFalse();
                assertThat(WebhookReceiver.verifies(
                                secret, one.id(), one.timestamp(), one.signature(), one.body(), now + 3600))
                        .as("old timestamp")
                        .isFalse();
            } finally {
                delete(endpoint.getString("id"));
            }
        }
    }

    @Test
    void failedDeliveriesAreRetriedWithTheSameWebhookId() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.answer(503, 500);
            String endpointId = register(receiver.url(), "customer.created").getString("id");
            try {
                String customer = aCustomer().create();
                List<WebhookReceiver.Received> got =
                        receiver.await(r -> r.body().contains(customer), 3, WAIT);

                assertThat(got).hasSize(3);
                assertThat(got)
                        .extracting(WebhookReceiver.Received::id)
                        .containsOnly(got.get(0).id());
                JsonPath log = awaitDelivery(endpointId, "succeeded");
                assertThat(log.getList("attempts.statusCode")).containsExactly(503, 500, 200);
            } finally {
                delete(endpointId);
            }
        }
    }

    @Test
    void anEndpointThatWasDownGetsTheEventWhenItComesBack() throws Exception {
        int port = dev.rapport.platform.PackagedApp.freePort();
        String endpointId = register("http://127.0.0.1:" + port + "/hook", "customer.created")
                .getString("id");
        try {
            String customer = aCustomer().create();
            awaitAttempts(endpointId, 1); // refused: nothing listens yet
            try (WebhookReceiver receiver = new WebhookReceiver(port)) {
                List<WebhookReceiver.Received> got =
                        receiver.await(r -> r.body().contains(customer), 1, WAIT);
                assertThat(got).hasSize(1);
                JsonPath log = awaitDelivery(endpointId, "succeeded");
                assertThat(log.getString("id")).isEqualTo(got.get(0).id());
                assertThat(log.getString("attempts[0].error")).isNotBlank();
            }
        } finally {
            delete(endpointId);
        }
    }

    @Test
    void retryAfterIsHonouredAndCustomHeadersAreSent() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.answer(429);
            receiver.retryAfter("2");
            String endpointId = WebhookFixtures.anEndpoint(receiver.url(), "customer.created")
                    .with("headers", Map.of("X-Tenant", "eu-1", "webhook-id", "forged"))
                    .create();
            try {
                String customer = aCustomer().create();
                List<WebhookReceiver.Received> got =
                        receiver.await(r -> r.body().contains(customer), 2, WAIT);
                assertThat(got).hasSize(2);
                assertThat(Duration.between(got.get(0).at(), got.get(1).at()))
                        .isGreaterThanOrEqualTo(Duration.ofMillis(1900));
                assertThat(got.get(0).headers().get("X-tenant")).containsExactly("eu-1");
                assertThat(got.get(0).id()).isNotEqualTo("forged");
            } finally {
                delete(endpointId);
            }
        }
    }

    @Test
    void afterTheLastRetryADeliveryIsDeadLettered() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.answerByDefault(500);
            String endpointId = register(receiver.url(), "customer.created").getString("id");
            try {
                String customer = aCustomer().create();
                JsonPath log = awaitDelivery(endpointId, "dead");
                assertThat(log.getInt("attemptCount")).isEqualTo(5); // first try + the test profile's 4 retries
                assertThat(receiver.received(r -> r.body().contains(customer))).hasSize(5);

                receiver.answerByDefault(200);
                given().queryParam("deliveryId", log.getString("id"))
                        .when()
                        .post("/v1/webhook-endpoints/" + endpointId + "/replay")
                        .then()
                        .statusCode(202)
                        .body("replayed", equalTo(1));
                awaitDelivery(endpointId, "succeeded");
                assertThat(receiver.received(r -> r.body().contains(customer)))
                        .extracting(WebhookReceiver.Received::id)
                        .containsOnly(log.getString("id"));
            } finally {
                delete(endpointId);
            }
        }
    }

    @Test
    void goneDisablesTheEndpoint() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.answerByDefault(410);
            String endpointId = register(receiver.url(), "customer.created").getString("id");
            try {
                aCustomer().create();
                awaitDelivery(endpointId, "dead");
                given().when()
                        .get("/v1/webhook-endpoints/" + endpointId)
                        .then()
                        .body("enabled", equalTo(false))
                        .body("disabledReason", startsWith("The endpoint answered 410"));
            } finally {
                delete(endpointId);
            }
        }
    }

    @Test
    void aTestEventAndARotatedSecretTravelTheSamePath() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonPath endpoint = register(receiver.url(), "customer.created");
            String id = endpoint.getString("id");
            String oldSecret = endpoint.getString("secret");
            try {
                given().when()
                        .post("/v1/webhook-endpoints/" + id + "/test")
                        .then()
                        .statusCode(202);
                WebhookReceiver.Received test = receiver.await(r -> r.body().contains("webhook.test"), 1, WAIT)
                        .get(0);
                assertThat(WebhookReceiver.verifies(
                                oldSecret, test, Instant.now().getEpochSecond()))
                        .isTrue();

                String newSecret = given().when()
                        .post("/v1/webhook-endpoints/" + id + "/rotate-secret")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("secret");
                assertThat(newSecret).isNotEqualTo(oldSecret);
                given().when()
                        .post("/v1/webhook-endpoints/" + id + "/test")
                        .then()
                        .statusCode(202);
                WebhookReceiver.Received after = receiver.await(r -> r.body().contains("webhook.test"), 2, WAIT)
                        .get(1);
                long now = Instant.now().getEpochSecond();
                assertThat(WebhookReceiver.verifies(newSecret, after, now))
                        .as("new secret")
                        .isTrue();
                assertThat(WebhookReceiver.verifies(oldSecret, after, now))
                        .as("old secret during overlap")
                        .isTrue();
                given().when().get("/v1/webhook-endpoints/" + id).then().body("secret", equalTo(null));
            } finally {
                delete(id);
            }
        }
    }

    @Test
    void privateAndSpecialAddressesAreRefused() {
        for (String url : List.of(
                "http://10.0.0.1/hook",
                "http://172.16.5.4/",
                "http://192.168.1.10/",
                "http://169.254.169.254/latest/meta-data/",
                "http://100.64.0.1/",
                "http://127.0.0.2/",
                "http://0.0.0.0/",
                "http://224.0.0.1/",
                "http://[::1]/",
                "http://[::ffff:10.0.0.1]/",
                "http://[::ffff:169.254.169.254]/",
                "http://[fe80::1]/",
                "http://[fd00:ec2::254]/",
                "http://[64:ff9b::a00:1]/",
                "ftp://example.com/",
                "http://user:pw@127.0.0.1/")) {
            WebhookFixtures.anEndpoint(url, "*")
                    .post()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("url"));
        }
    }

    /** 2130706433 is 127.0.0.1 to inet_aton, 0177.0.0.1 is 177.0.0.1 to Java but 127.0.0.1 to the C library. */
    @Test
    void numericHostsOtherThanDottedQuadsAndTranslatedLoopbackAreRefused() {
        for (String url : List.of(
                "http://2130706433/",
                "http://0177.0.0.1/",
                "http://127.1/",
                "http://0x7f.0.0.1/",
                "http://[64:ff9b:1::7f00:1]/",
                "http://[2002:7f00:1::]/",
                "http://[100::1]/")) {
            WebhookFixtures.anEndpoint(url, "*")
                    .post()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("code", equalTo("validation-failed"))
                    .body("errors[0].field", equalTo("url"));
        }
    }

    /** Only a JSON string is a URL: Jackson would store 2130706433 or true as text, past the guard. */
    @Test
    void aPatchedUrlMustBeAStringThatPassesTheGuard() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String id = register(receiver.url(), "segment.entered").getString("id");
            try {
                for (Object url : List.of(
                        2130706433, true, Map.of("host", "127.0.0.1"), List.of(receiver.url()), "http://0177.0.0.1/")) {
                    given().contentType("application/merge-patch+json")
                            .body(Map.of("url", url))
                            .when()
                            .patch("/v1/webhook-endpoints/" + id)
                            .then()
                            .statusCode(400)
                            .contentType("application/problem+json")
                            .body("code", equalTo("validation-failed"))
                            .body("errors[0].field", equalTo("url"));
                }
                given().when()
                        .get("/v1/webhook-endpoints/" + id)
                        .then()
                        .statusCode(200)
                        .body("url", equalTo(receiver.url()));
            } finally {
                delete(id);
            }
        }
    }

    @Test
    void badQueryParametersAreProblemsNotMissingPages() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String id = register(receiver.url(), "customer.created").getString("id");
            try {
                given().queryParam("limit", "ten")
                        .when()
                        .get("/v1/webhook-endpoints/" + id + "/deliveries")
                        .then()
                        .statusCode(400)
                        .contentType("application/problem+json")
                        .body("errors[0].field", equalTo("limit"));
                given().queryParam("status", "lost")
                        .when()
                        .get("/v1/webhook-endpoints/" + id + "/deliveries")
                        .then()
                        .statusCode(400)
                        .body("errors[0].field", equalTo("status"));
                given().queryParam("deliveryId", "nope")
                        .when()
                        .post("/v1/webhook-endpoints/" + id + "/replay")
                        .then()
                        .statusCode(400)
                        .body("errors[0].field", equalTo("deliveryId"));
                given().queryParam("from", "yesterday")
                        .when()
                        .post("/v1/webhook-endpoints/" + id + "/replay")
                        .then()
                        .statusCode(400)
                        .body("errors[0].field", equalTo("from"));
            } finally {
                delete(id);
            }
        }
    }

    @Test
    void deliveriesSentTogetherAreEachRecorded() throws Exception {
        int writes = 12;
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String endpointId = register(receiver.url(), "customer.created").getString("id");
            try {
                Concurrently.run(writes, i -> aCustomer().create());
                assertThat(receiver.await(any -> true, writes, WAIT)).hasSize(writes);
                Instant deadline = Instant.now().plus(WAIT);
                int recorded = 0;
                while (recorded < writes && Instant.now().isBefore(deadline)) {
                    recorded = given().queryParam("status", "succeeded")
                            .queryParam("limit", 100)
                            .when()
                            .get("/v1/webhook-endpoints/" + endpointId + "/deliveries")
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getList("data")
                            .size();
                    Thread.sleep(50);
                }
                assertThat(recorded).isEqualTo(writes);
            } finally {
                delete(endpointId);
            }
        }
    }

    @Test
    void concurrentOutcomesStayWithTheirOwnDeliveries() throws Exception {
        int writes = 12;
        try (WebhookReceiver healthy = new WebhookReceiver();
                WebhookReceiver broken = new WebhookReceiver()) {
            broken.answerByDefault(500);
            String healthyId = register(healthy.url(), "customer.created").getString("id");
            String brokenId = register(broken.url(), "customer.created").getString("id");
            try {
                Concurrently.run(writes, i -> aCustomer().create());
                List<Map<String, Object>> delivered = awaitEachAttempted(healthyId, writes);
                List<Map<String, Object>> failed = awaitEachAttempted(brokenId, writes);

                assertThat(delivered).extracting(d -> d.get("status")).containsOnly("succeeded");
                assertThat(delivered).flatExtracting(d -> statusCodes(d)).containsOnly(200);
                assertThat(failed).extracting(d -> d.get("status")).doesNotContain("succeeded");
                assertThat(failed).flatExtracting(d -> statusCodes(d)).containsOnly(500);
            } finally {
                delete(healthyId);
                delete(brokenId);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> statusCodes(Map<String, Object> delivery) {
        return ((List<Map<String, Object>>) delivery.get("attempts"))
                .stream().map(a -> a.get("statusCode")).toList();
    }

    /** The endpoint's deliveries once there are {@code count} of them and each has at least one attempt. */
    private static List<Map<String, Object>> awaitEachAttempted(String endpointId, int count)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        List<Map<String, Object>> deliveries = List.of();
        while (Instant.now().isBefore(deadline)) {
            deliveries = given().queryParam("limit", 100)
                    .when()
                    .get("/v1/webhook-endpoints/" + endpointId + "/deliveries")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("data");
            if (deliveries.size() == count
                    && deliveries.stream().noneMatch(d -> statusCodes(d).isEmpty())) {
                return deliveries;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Not every delivery of " + endpointId + " was attempted: " + deliveries);
    }

    private static JsonPath register(String url, String... types) {
        return WebhookFixtures.anEndpoint(url, types).register();
    }

    private static void delete(String endpointId) {
        WebhookFixtures.delete(endpointId);
    }

    private static void awaitAttempts(String endpointId, int attempts) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            List<Object> made = given().when()
                    .get("/v1/webhook-endpoints/" + endpointId + "/deliveries")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("data[0].attempts");
            if (made != null && made.size() >= attempts) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No attempt for endpoint " + endpointId);
    }

    private static JsonPath awaitDelivery(String endpointId, String status) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            JsonPath log = given().queryParam("status", status)
                    .when()
                    .get("/v1/webhook-endpoints/" + endpointId + "/deliveries")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            if (!log.getList("data").isEmpty()) {
                return log.setRootPath("data[0]");
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No " + status + " delivery for endpoint " + endpointId);
    }
}
