package dev.rapport.customer;

import static dev.rapport.customer.CustomerFixtures.aCustomer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.rapport.platform.security.RolePermissions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/** Up to 100 creates and updates in one call, each applied on its own, with a status per item. */
@QuarkusTest
@TestSecurity(user = "agent-alice", roles = "agent", augmentors = RolePermissions.class)
class CustomerBatchTest {

    @Test
    void eachItemSucceedsOrFailsOnItsOwn() {
        String existing = aCustomer().create();
        String taken = given().get("/v1/customers/" + existing).then().extract().path("emails[0].address");
        Map<String, Object> fresh = aCustomer().with("givenName", "Grace").body();

        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "items",
                        List.of(
                                Map.of("method", "create", "body", fresh),
                                Map.of("method", "create", "body", Map.of("emails", List.of(Map.of("address", taken)))),
                                Map.of("method", "update", "id", existing, "patch", Map.of("familyName", "Byron")),
                                Map.of(
                                        "method",
                                        "update",
                                        "id",
                                        existing,
                                        "ifMatch",
                                        "\"0\"",
                                        "patch",
                                        Map.of("locale", "en")),
                                Map.of(
                                        "method",
                                        "update",
                                        "id",
                                        UUID.randomUUID().toString(),
                                        "patch",
                                        Map.of("locale", "en")),
                                Map.of(
                                        "method",
                                        "create",
                                        "body",
                                        Map.of("phones", List.of(Map.of("number", "call me")))))))
                .when()
                .post("/v1/customers/batch")
                .then()
                .statusCode(207)
                .body("succeeded", equalTo(2))
                .body("failed", equalTo(4))
                .body("results.status", equalTo(List.of(201, 409, 200, 412, 404, 400)))
                .body("results[0].customer.givenName", equalTo("Grace"))
                .body("results[0].etag", equalTo("\"0\""))
                .body("results[1].problem.code", equalTo("conflict"))
                .body("results[1].customer", nullValue())
                .body("results[2].customer.familyName", equalTo("Byron"))
                .body("results[3].problem.code", equalTo("precondition-failed"))
                .body("results[5].problem.errors[0].field", equalTo("phones[0].number"));
        given().when()
                .get("/v1/customers/" + existing)
                .then()
                .body("familyName", equalTo("Byron"))
                .body("locale", nullValue());
    }

    @Test
    void aBatchHoldsOneToAHundredWellFormedItems() {
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(Map.of("method", "create", "body", Map.of("givenName", "N" + i)));
        }
        post(Map.of("items", tooMany)).statusCode(400).body("errors[0].field", equalTo("items"));
        post(Map.of("items", List.of())).statusCode(400);
        post(Map.of("items", List.of(Map.of("method", "delete"))))
                .statusCode(400)
                .body("errors[0].field", equalTo("items[0].method"));
        post(Map.of("items", List.of(Map.of("method", "update", "patch", Map.of()))))
                .statusCode(207)
                .body("results[0].status", equalTo(400))
                .body("results[0].problem.errors[0].field", equalTo("patch"));
    }

    @Test
    @TestSecurity(user = "analyst-ann", roles = "analyst", augmentors = RolePermissions.class)
    void readersCannotWriteInBatches() {
        post(Map.of("items", List.of(Map.of("method", "create", "body", Map.of("givenName", "N")))))
                .statusCode(403);
    }

    private static io.restassured.response.ValidatableResponse post(Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/v1/customers/batch")
                .then();
    }
}
