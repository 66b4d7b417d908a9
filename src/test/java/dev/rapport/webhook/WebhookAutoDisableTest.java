package dev.rapport.webhook;

import static dev.rapport.customer.CustomerFixtures.aCustomer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.Test;

import dev.rapport.platform.security.RolePermissions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@TestProfile(WebhookAutoDisableTest.QuickToGiveUp.class)
@TestSecurity(user = "mona.manager", roles = "manager", augmentors = RolePermissions.class)
class WebhookAutoDisableTest {

    private static final Duration DISABLE_AFTER = Duration.ofSeconds(1);

    /** An endpoint is disabled after failing for one second without a single success. */
    public static class QuickToGiveUp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "rapport.webhooks.disable-after",
                    DISABLE_AFTER.toString(),
                    "rapport.webhooks.retry-schedule",
                    "PT0.2S");
        }
    }

    @Test
    void anEndpointFailingForTooLongIsDisabledAndThatIsAnEvent() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.answerByDefault(500);
            String endpointId = WebhookFixtures.anEndpoint(receiver.url(), "customer.created")
                    .create();
            try {
                assertDisabledAfterFailing(endpointId);
            } finally {
                WebhookFixtures.delete(endpointId);
            }
        }
    }

    private static void assertDisabledAfterFailing(String endpointId) {
        aCustomer().create();
        OffsetDateTime firstFailure = await().atMost(Duration.ofSeconds(10))
                .until(() -> firstAttemptOfADeadDelivery(endpointId), Objects::nonNull);
        // The next failure comes once the endpoint has been failing for longer than disable-after.
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> OffsetDateTime.now()
                        .isAfter(firstFailure.plus(DISABLE_AFTER).plus(Duration.ofMillis(500))));
        aCustomer().create();

        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> given().when()
                        .get("/v1/webhook-endpoints/" + endpointId)
                        .then()
                        .body("enabled", equalTo(false))
                        .body("disabledReason", containsString("failed continuously")));
        assertThat(subjectsOfEvents("webhook_endpoint.disabled")).contains(endpointId);

        given().contentType("application/merge-patch+json")
                .body(Map.of("enabled", true))
                .when()
                .patch("/v1/webhook-endpoints/" + endpointId)
                .then()
                .statusCode(200)
                .body("enabled", equalTo(true))
                .body("disabledReason", equalTo(null));
    }

    /** When the first attempt of the endpoint's dead-lettered delivery was made, or null while there is none. */
    private static OffsetDateTime firstAttemptOfADeadDelivery(String endpointId) {
        String attemptedAt = given().queryParam("status", "dead")
                .when()
                .get("/v1/webhook-endpoints/" + endpointId + "/deliveries")
                .then()
                .statusCode(200)
                .extract()
                .path("data[0].attempts[0].attemptedAt");
        return attemptedAt == null ? null : OffsetDateTime.parse(attemptedAt);
    }

    /** The subjects of every event of this type in the change feed, all pages. */
    private static List<String> subjectsOfEvents(String type) {
        List<String> subjects = new ArrayList<>();
        String cursor = null;
        boolean more = true;
        while (more) {
            var request = given().queryParam("types", type).queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("after", cursor);
            }
            JsonPath page = request.when()
                    .get("/v1/events")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            subjects.addAll(page.getList("data.subjectId", String.class));
            cursor = page.getString("nextCursor");
            more = page.getBoolean("hasMore");
        }
        return subjects;
    }
}
