package dev.rapport.webhook;

import static dev.rapport.customer.CustomerFixtures.aCustomer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.rapport.platform.Concurrently;
import dev.rapport.platform.security.RolePermissions;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/**
 * A write wakes the webhook dispatcher of its replica once it has committed: with polling every hour, whatever is
 * delivered within the test's seconds was delivered because the write itself woke the dispatcher. With two send
 * slots, a burst of deliveries fills the sender: the rest must be claimed as slots free up, not at the next poll.
 */
@QuarkusTest
@TestProfile(WebhookWakeUpTest.HourlyPolling.class)
@TestSecurity(user = "mona.manager", roles = "manager", augmentors = RolePermissions.class)
class WebhookWakeUpTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    AgroalDataSource dataSource;

    public static class HourlyPolling implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "rapport.webhooks.poll-interval",
                    "PT1H",
                    "rapport.events.poll-interval",
                    "PT1H",
                    "rapport.webhooks.max-in-flight",
                    "2");
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
                        .when()
                        .post("/graphql")
                        .then()
                        .statusCode(200)
                        .body("errors", nullValue());
                List<WebhookReceiver.Received> received = receiver.await(any -> true, 2, WAIT);

                assertThat(received).hasSize(2);
                assertThat(received.get(0).body())
                        .contains("\"customer.created\"")
                        .contains(id);
                assertThat(received.get(1).body())
                        .contains("\"customer.updated\"")
                        .contains("Byron");
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
                assertThat(receiver.await(any -> true, writes, Duration.ofSeconds(8)))
                        .hasSize(writes);
            } finally {
                delete(endpointId);
            }
        }
    }

    @Test
    void aTestEventAndAReplayAreSentWithoutWaitingForAPoll() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String endpointId = subscribe(receiver, "customer.created");
            try {
                String deliveryId = given().when()
                        .post("/v1/webhook-endpoints/" + endpointId + "/test")
                        .then()
                        .statusCode(202)
                        .extract()
                        .path("id");
                List<WebhookReceiver.Received> sent = receiver.await(any -> true, 1, Duration.ofSeconds(5));
                assertThat(sent).hasSize(1);
                assertThat(sent.get(0).body()).contains("\"webhook.test\"");

                given().queryParam("deliveryId", deliveryId)
                        .when()
                        .post("/v1/webhook-endpoints/" + endpointId + "/replay")
                        .then()
                        .statusCode(202);
                List<WebhookReceiver.Received> again = receiver.await(any -> true, 2, Duration.ofSeconds(5));
                assertThat(again).hasSize(2);
                assertThat(again.get(1).id()).isEqualTo(sent.get(0).id());
            } finally {
                delete(endpointId);
            }
        }
    }

    /** More deliveries than send slots, to a slow endpoint: those still due while every slot was taken follow. */
    @Test
    void deliveriesBeyondTheFreeSendSlotsFollowWithoutWaitingForAPoll() throws Exception {
        int writes = 10;
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.delay(Duration.ofMillis(150));
            String endpointId = subscribe(receiver, "customer.created");
            try {
                Concurrently.run(writes, i -> aCustomer().create());
                List<WebhookReceiver.Received> received = receiver.await(any -> true, writes, WAIT);
                assertThat(received).hasSize(writes);
                assertThat(received).extracting(WebhookReceiver.Received::id).doesNotHaveDuplicates();
            } finally {
                delete(endpointId);
            }
        }
    }

    /**
     * A transaction that appends no event, older than a write, holds the write's event back from the dispatcher
     * (it reads only what no running transaction can still precede) and wakes nobody when it ends. The dispatcher
     * saw the event held back and looks again shortly.
     */
    @Test
    void anEventHeldBackByAnOlderTransactionIsDeliveredWhenItEnds() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String endpointId = subscribe(receiver, "customer.created");
            try {
                String id;
                try (Connection older = dataSource.getConnection()) {
                    older.setAutoCommit(false);
                    try (Statement statement = older.createStatement()) {
                        statement.execute("select pg_current_xact_id()");
                    }
                    id = aCustomer().create();
                    await().during(Duration.ofMillis(300))
                            .atMost(Duration.ofSeconds(2))
                            .untilAsserted(() -> assertThat(receiver.received(any -> true))
                                    .as("held back while the older one runs")
                                    .isEmpty());
                    older.commit();
                }
                List<WebhookReceiver.Received> received = receiver.await(any -> true, 1, Duration.ofSeconds(5));
                assertThat(received).hasSize(1);
                assertThat(received.get(0).body()).contains(id);
            } finally {
                delete(endpointId);
            }
        }
    }

    private static String subscribe(WebhookReceiver receiver, String... types) {
        return WebhookFixtures.anEndpoint(receiver.url(), types).create();
    }

    private static void delete(String endpointId) {
        WebhookFixtures.delete(endpointId);
    }
}
