package dev.rapport.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Probes, metrics and API documents are reachable without a token; everything else is not. */
@QuarkusTest
class OperationsEndpointsTest {

    @Test
    void readinessIncludesTheDatabaseTheHeapAndGraphQLProgress() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Reactive PostgreSQL connections health check"))
                .body("checks.name", hasItem("Heap after collection"))
                .body("checks.name", hasItem("GraphQL progress"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void prometheusMetricsAreExposed() {
        given().when().get("/v1/customers");
        given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("http_server_requests_seconds_count"));
    }

    @Test
    void apiDocumentsArePublic() {
        given().when().get("/q/openapi").then().statusCode(200);
        given().when().get("/graphql/schema.graphql").then().statusCode(200);
    }

    @Test
    void requestIdsAreEchoedOrAssigned() {
        given().header("X-Request-Id", "trace-abc.123")
                .when()
                .get("/q/health/live")
                .then()
                .header("X-Request-Id", "trace-abc.123");
        String uuid4 = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
        String assigned = given().header("X-Request-Id", "not safe<script>")
                .when()
                .get("/q/health/live")
                .then()
                .header("X-Request-Id", matchesPattern(uuid4))
                .extract()
                .header("X-Request-Id");
        String next = given().when()
                .get("/q/health/live")
                .then()
                .header("X-Request-Id", matchesPattern(uuid4))
                .extract()
                .header("X-Request-Id");
        assertNotEquals(assigned, next);
    }
}
