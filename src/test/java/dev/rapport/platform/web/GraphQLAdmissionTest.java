package dev.rapport.platform.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Two GraphQL requests execute at once and two may wait. The test takes the turns itself, so which requests wait is
 * certain, not a matter of timing.
 */
@QuarkusTest
@TestProfile(GraphQLAdmissionTest.TwoTurns.class)
@TestSecurity(user = "alice.agent", roles = "agent")
class GraphQLAdmissionTest {

    private static final String QUERY = "{ customers(limit: 1) { hasMore } }";

    public static class TwoTurns implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rapport.graphql.max-concurrent", "2", "rapport.graphql.max-queued", "2");
        }
    }

    @Inject
    GraphQLAdmission admission;

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

            query().then().statusCode(503)
                    .contentType("application/problem+json")
                    .body("code", equalTo("overloaded"))
                    .header("Retry-After", "1");

            // one turn given back: the first waiting request takes it and passes it on to the second when done
            admission.leave();
            held--;
            for (CompletableFuture<Response> call : waiting) {
                call.get(10, TimeUnit.SECONDS).then().statusCode(200).body("errors", nullValue())
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

    private void awaitWaiting(int requests) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (admission.waiting() < requests && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(admission.waiting()).as("requests waiting for a turn").isEqualTo(requests);
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

    private static Response query() {
        return given().contentType(ContentType.JSON).body(Map.of("query", QUERY)).when().post("/graphql");
    }
}
