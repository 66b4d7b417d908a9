package dev.rapport.webhook;

import dev.rapport.platform.security.RolePermissions;
import static dev.rapport.customer.CustomerFixtures.aCustomer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

@QuarkusTest
@TestProfile(WebhookAutoDisableTest.QuickToGiveUp.class)
@TestSecurity(user = "mona.manager", roles = "manager", augmentors = RolePermissions.class)
class WebhookAutoDisableTest {

    /** An endpoint is disabled after failing for one second without a single success. */
    public static class QuickToGiveUp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rapport.webhooks.disable-after", "PT1S", "rapport.webhooks.retry-schedule", "PT0.2S");
        }
    }

    @Test
    void anEndpointFailingForTooLongIsDisabledAndThatIsAnEvent() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.answerByDefault(500);
            String endpointId = given().contentType(ContentType.JSON)
                    .body(Map.of("url", receiver.url(), "eventTypes", List.of("customer.created")))
                    .when().post("/v1/webhook-endpoints").then().statusCode(201).extract().path("id");
            try {
                assertDisabledAfterFailing(endpointId);
            } finally {
                given().when().delete("/v1/webhook-endpoints/" + endpointId).then().statusCode(204);
            }
        }
    }

    private static void assertDisabledAfterFailing(String endpointId) throws InterruptedException {
        aCustomer().create();
        Thread.sleep(1500);
        aCustomer().create();

        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline) && given().when().get("/v1/webhook-endpoints/" + endpointId)
                .then().extract().<Boolean>path("enabled")) {
            Thread.sleep(100);
        }
        given().when().get("/v1/webhook-endpoints/" + endpointId).then()
                .body("enabled", equalTo(false))
                .body("disabledReason", containsString("failed continuously"));
        given().queryParam("types", "webhook_endpoint.disabled").queryParam("limit", 100)
                .when().get("/v1/events").then()
                .body("data.subjectId", hasItem(endpointId));

        given().contentType("application/merge-patch+json").body(Map.of("enabled", true))
                .when().patch("/v1/webhook-endpoints/" + endpointId).then()
                .statusCode(200).body("enabled", equalTo(true)).body("disabledReason", equalTo(null));
    }
}
