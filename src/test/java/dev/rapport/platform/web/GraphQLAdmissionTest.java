package dev.rapport.platform.web;

import static dev.rapport.customer.CustomerFixtures.aCustomer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.platform.Database;
import dev.rapport.platform.TestClock;
import dev.rapport.platform.security.RolePermissions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Two GraphQL requests execute at once and two may wait. The test takes the turns itself, so which requests wait is
 * certain, not a matter of timing.
 */
@QuarkusTest
@TestProfile(GraphQLAdmissionTest.TwoTurns.class)
@TestSecurity(user = "alice.agent", roles = "agent", augmentors = RolePermissions.class)
class GraphQLAdmissionTest {

    private static final String QUERY = "{ customers(limit: 1) { hasMore } }";
    private static final String UPDATE =
            "mutation($id: ID!) { updateCustomer(id: $id, patch: \"{\\\"familyName\\\": \\\"Byron\\\"}\") { id } }";

    public static class TwoTurns implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rapport.graphql.max-concurrent", "2", "rapport.graphql.max-queued", "2");
        }
    }

    @Inject
    GraphQLAdmission admission;

    @Inject
    Database database;

    @Inject
    TestClock clock;

    @Test
    void aReplicaWhoseTurnsAreAllHeldWithoutProgressIsNotReady() {
        assertThat(admission.tryEnter()).isTrue();
        admission.leave(); // a turn ends now
        int held = takeEveryTurn();
        try {
            given().when().get("/q/health/ready").then().statusCode(200);
            clock.advance(Duration.ofSeconds(31));
            given().when()
                    .get("/q/health/ready")
                    .then()
                    .statusCode(503)
                    .body("checks.find { it.name == 'GraphQL progress' }.status", equalTo("DOWN"));
            admission.leave();
            held--;
            given().when().get("/q/health/ready").then().statusCode(200);
        } finally {
            for (; held > 0; held--) {
                admission.leave();
            }
            clock.reset();
        }
    }

    @Test
    void requestsWaitForATurnAndBeyondTheQueueAreTurnedAway() throws Exception {
        int held = takeEveryTurn();
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<Response>> waiting = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                waiting.add(CompletableFuture.supplyAsync(GraphQLAdmissionTest::query, callers));
            }
            awaitWaiting(2);
            assertThat(waiting).as("no turn is free").noneMatch(CompletableFuture::isDone);

            query().then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .body("code", equalTo("overloaded"))
                    .header("Retry-After", "1");

            // one turn given back: the first waiting request takes it and passes it on to the second when done
            admission.leave();
            held--;
            for (CompletableFuture<Response> call : waiting) {
                call.get(10, TimeUnit.SECONDS)
                        .then()
                        .statusCode(200)
                        .body("errors", nullValue())
                        .body("data.customers.hasMore", notNullValue());
            }
        } finally {
            for (; held > 0; held--) {
                admission.leave();
            }
            callers.shutdown();
        }
        query().then().statusCode(200).body("errors", nullValue());
    }

    @Test
    void everyRequestOfABurstLargerThanTheTurnsIsAnswered() {
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Response>> burst = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                burst.add(CompletableFuture.supplyAsync(GraphQLAdmissionTest::query, callers));
            }
            burst.forEach(call -> call.join().then().statusCode(200).body("errors", nullValue()));
        } finally {
            callers.shutdown();
        }
    }

    @Test
    void theTurnOfACallerWhoLeavesDuringItsExecutionIsGivenBack() throws Exception {
        String id = aCustomer().create();
        assertThat(admission.tryEnter())
                .as("the test holds one of the two turns")
                .isTrue();
        try (Database.Locks row =
                database.lock("SELECT 1 FROM customer WHERE id = ? FOR UPDATE", UUID.fromString(id))) {
            try (Socket caller = send(UPDATE, Map.of("id", id))) {
                awaitExecuting(2); // the update holds the other turn, waiting for the row lock
            }
            awaitExecuting(1);
            // answered while the update still waits for the lock: the departed caller's turn was given back
            query().then().statusCode(200).body("errors", nullValue());
        } finally {
            admission.leave();
        }
    }

    @Test
    void aCallerWhoLeavesWhileWaitingKeepsNoTurn() throws Exception {
        int held = takeEveryTurn();
        try {
            try (Socket caller = send(QUERY, Map.of())) {
                awaitWaiting(1);
            }
            admission.leave();
            held--;
            awaitExecuting(held);
            query().then().statusCode(200).body("errors", nullValue());
        } finally {
            for (; held > 0; held--) {
                admission.leave();
            }
        }
    }

    private void awaitExecuting(int turns) {
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .untilAsserted(() ->
                        assertThat(admission.executing()).as("turns taken").isEqualTo(turns));
    }

    private void awaitWaiting(int requests) {
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertThat(admission.waiting())
                        .as("requests waiting for a turn")
                        .isEqualTo(requests));
    }

    /** Takes every free turn; the test gives them back itself. */
    private int takeEveryTurn() {
        int taken = 0;
        while (admission.tryEnter()) {
            taken++;
        }
        assertThat(taken).isEqualTo(2);
        return taken;
    }

    /** Sends a GraphQL request on a connection of its own, which the caller closes without reading the answer. */
    private static Socket send(String query, Map<String, Object> variables) throws IOException {
        byte[] body = new ObjectMapper().writeValueAsBytes(Map.of("query", query, "variables", variables));
        Socket socket = new Socket("localhost", RestAssured.port);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        return socket;
    }

    private static Response query() {
        return given().contentType(ContentType.JSON)
                .body(Map.of("query", QUERY))
                .when()
                .post("/graphql");
    }
}
