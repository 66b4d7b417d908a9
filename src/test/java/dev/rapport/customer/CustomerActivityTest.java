package dev.rapport.customer;

import static dev.rapport.customer.CustomerFixtures.aCustomer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.rapport.platform.security.RolePermissions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@TestSecurity(user = "agent-alice", roles = "agent", augmentors = RolePermissions.class)
class CustomerActivityTest {

    @Test
    void recordsPurchasesWithExactAmountsAndRefusesDuplicateOrders() {
        String id = aCustomer().create();
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "orderRef",
                        "ORD-7",
                        "amount",
                        "1299.9",
                        "currency",
                        "EUR",
                        "channel",
                        "web",
                        "items",
                        List.of(Map.of("sku", "SKU-1", "name", "Kettle", "quantity", 2, "unitPrice", "649.95"))))
                .when()
                .post("/v1/customers/" + id + "/purchases")
                .then()
                .statusCode(201)
                .body("amount", equalTo(1299.90f))
                .body("items[0].sku", equalTo("SKU-1"))
                .body("customerId", equalTo(id));

        given().contentType(ContentType.JSON)
                .body(Map.of("orderRef", "ORD-7", "amount", "5", "currency", "EUR"))
                .when()
                .post("/v1/customers/" + id + "/purchases")
                .then()
                .statusCode(409)
                .body("code", equalTo("conflict"));
    }

    @Test
    void rejectsUnknownCurrenciesAndTooManyDecimals() {
        String id = aCustomer().create();
        given().contentType(ContentType.JSON)
                .body(Map.of("orderRef", "A", "amount", "5", "currency", "XYZ"))
                .when()
                .post("/v1/customers/" + id + "/purchases")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("currency"));
        given().contentType(ContentType.JSON)
                .body(Map.of("orderRef", "B", "amount", "5.5", "currency", "JPY"))
                .when()
                .post("/v1/customers/" + id + "/purchases")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("amount"));
        given().contentType(ContentType.JSON)
                .body(Map.of("orderRef", "C", "amount", "-1", "currency", "EUR"))
                .when()
                .post("/v1/customers/" + id + "/purchases")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("amount"));
    }

    @Test
    void activityOfAnUnknownCustomerIsNotFound() {
        String missing = "/v1/customers/00000000-0000-7000-8000-000000000000";
        given().contentType(ContentType.JSON)
                .body(Map.of("type", "note"))
                .when()
                .post(missing + "/interactions")
                .then()
                .statusCode(404);
        given().when().get(missing + "/purchases").then().statusCode(404);
    }

    @Test
    void theTimelineIsNewestFirstAndPaged() {
        String id = aCustomer().create();
        for (int day = 1; day <= 5; day++) {
            given().contentType(ContentType.JSON)
                    .body(Map.of(
                            "type", "note", "summary", "day " + day, "occurredAt", "2026-03-0" + day + "T10:00:00Z"))
                    .when()
                    .post("/v1/customers/" + id + "/interactions")
                    .then()
                    .statusCode(201);
        }
        List<String> summaries = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("after", cursor);
            }
            JsonPath page = request.when()
                    .get("/v1/customers/" + id + "/interactions")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            summaries.addAll(page.getList("data.summary"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(summaries).containsExactly("day 5", "day 4", "day 3", "day 2", "day 1");
    }

    @Test
    void interactionTypesAreValidated() {
        String id = aCustomer().create();
        given().contentType(ContentType.JSON)
                .body(Map.of("type", "telepathy"))
                .when()
                .post("/v1/customers/" + id + "/interactions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("malformed-request"))
                .body("errors[0].field", equalTo("type"));
    }

    @Test
    void theCustomer360InOneRestCall() {
        String id = aCustomer().create();
        CustomerFixtures.recordPurchase(id, "ORD-A", "10.00");
        CustomerFixtures.recordPurchase(id, "ORD-B", "20.00");
        CustomerFixtures.logInteraction(id, "Welcome call");

        given().queryParam("expand", "purchases,interactions,stats")
                .when()
                .get("/v1/customers/" + id)
                .then()
                .statusCode(200)
                .body("recentPurchases", hasSize(2))
                .body("recentInteractions.summary", contains("Welcome call"))
                .body("stats.purchaseCount", equalTo(2))
                .body("stats.lifetimeValue[0].amount", equalTo(30.00f))
                .body("stats.lifetimeValue[0].currency", equalTo("EUR"));
    }
}
