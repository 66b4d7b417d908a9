package dev.rapport.webhook;

import static dev.rapport.customer.CustomerFixtures.aCustomer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.rapport.platform.Concurrently;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/**
 * A write wakes the webhook dispatcher of its replica once it has committed: with polling every hour, whatever is
 * delivered within the test's seconds was delivered because the write itself woke the dispatcher.
 */
@QuarkusTest
@TestProfile(WebhookWakeUpTest.HourlyPolling.class)
@TestSecurity(user = "mona.manager", roles = "manager")
class WebhookWakeUpTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    public static class HourlyPolling implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rapport.webhooks.poll-interval", "PT1H");
        }
    }

    @Test
    void writesThroughRestAndGraphQLAreDeliveredWithoutWaitingForAPoll() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String endpointId = subscribe(receiver, "customer.created", "customer.updated");
            try {
                String id = aCustomer().create();
                assertThat(receiver.await(any -> true, 1, WAIT)).hasSize(1);

                given().contentType(ContentType.JSON)
                        .body(Map.of("query", """
                                mutation($id: ID!) { updateCustomer(id: $id, patch: "{\\"familyName\\": \\"Byron\\"}") { id } }
                                """, "variables", Map.of("id", id)))
                        .when().post("/graphql").then().statusCode(200).body("errors", nullValue());
                List<WebhookReceiver.Received> received = receiver.await(any -> true, 2, WAIT);

                assertThat(received).hasSize(2);
                assertThat(received.get(0).body()).contains("\"customer.created\"").contains(id);
                assertThat(received.get(1).body()).contains("\"customer.updated\"").contains("Byron");
            } finally {
                delete(endpointId);
            }
        }
    }

    /** Concurrent writers commit in another order than they took their sequence numbers; none may be passed over. */
    @Test
    void concurrentWritesAreEachDeliveredWithoutWaitingForAPoll() throws Exception {
        int writes = 12;
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String endpointId = subscribe(receiver, "customer.created");
            try {
                Concurrently.run(writes, i -> aCustomer().create());
                assertThat(receiver.await(any -> true, writes, Duration.ofSeconds(8))).hasSize(writes);
            } finally {
                delete(endpointId);
            }
        }
    }

    private static String subscribe(WebhookReceiver receiver, String... types) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url(), "eventTypes", List.of(types)))
                .when().post("/v1/webhook-endpoints").then().statusCode(201).extract().path("id");
    }

    private static void delete(String endpointId) {
        given().when().delete("/v1/webhook-endpoints/" + endpointId).then().statusCode(204);
    }
}
