package dev.rapport.customer;

import static dev.rapport.customer.CustomerFixtures.aCustomer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.rapport.platform.security.RolePermissions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

@QuarkusTest
class CustomerAccessTest {

    @Test
    void withoutATokenEveryEndpointAnswers401Problem() {
        given().when()
                .get("/v1/customers")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("unauthorized"));
        given().contentType(ContentType.JSON)
                .body(Map.of("givenName", "X"))
                .when()
                .post("/v1/customers")
                .then()
                .statusCode(401);
        given().contentType(ContentType.JSON)
                .body(Map.of("query", "{ customers { hasMore } }"))
                .when()
                .post("/graphql")
                .then()
                .statusCode(401);
    }

    @Test
    @TestSecurity(user = "analyst-ann", roles = "analyst", augmentors = RolePermissions.class)
    void analystsReadButDoNotWrite() {
        given().when().get("/v1/customers").then().statusCode(200);
        aCustomer()
                .post()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("forbidden"));
    }

    @Test
    @TestSecurity(user = "agent-alice", roles = "agent", augmentors = RolePermissions.class)
    void agentsCannotDeleteOrSeeDeletedCustomers() {
        String id = aCustomer().create();
        given().when().delete("/v1/customers/" + id).then().statusCode(403);
        given().queryParam("includeDeleted", true)
                .when()
                .get("/v1/customers")
                .then()
                .statusCode(403)
                .body("code", equalTo("forbidden"));
    }

    @Test
    @TestSecurity(user = "agent-alice", roles = "agent", augmentors = RolePermissions.class)
    void httpLevelErrorsAreProblemsToo() {
        given().when()
                .get("/v1/no-such-thing")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("not-found"));
        given().when()
                .put("/v1/customers")
                .then()
                .statusCode(405)
                .contentType("application/problem+json")
                .body("code", equalTo("method-not-allowed"));
        given().contentType(ContentType.TEXT)
                .body("hello")
                .when()
                .post("/v1/customers")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body("{\"givenName\": \"" + "x".repeat(1_100_000) + "\"}")
                .when()
                .post("/v1/customers")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("code", equalTo("payload-too-large"));
        given().when().get("/v1/customers/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
    }
}
