package dev.rapport.customer;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Builds customers for tests through the API; every fixture gets unique emails so tests never collide. */
public final class CustomerFixtures {

    private final Map<String, Object> body = new LinkedHashMap<>();

    private CustomerFixtures() {}

    public static CustomerFixtures aCustomer() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        CustomerFixtures fixture = new CustomerFixtures();
        fixture.body.put("givenName", "Ada");
        fixture.body.put("familyName", "Lovelace");
        fixture.body.put("emails", new ArrayList<>(List.of(Map.of("address", "ada." + unique + "@example.com"))));
        return fixture;
    }

    public static String uniqueTag() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    public CustomerFixtures with(String field, Object value) {
        body.put(field, value);
        return this;
    }

    public CustomerFixtures email(String address) {
        body.put("emails", List.of(Map.of("address", address)));
        return this;
    }

    public Map<String, Object> body() {
        return body;
    }

    /** Creates the customer and returns the response, asserting nothing. */
    public ValidatableResponse post() {
        return given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/v1/customers")
                .then();
    }

    /** Records a purchase in EUR for a customer through the API. */
    public static void recordPurchase(String customerId, String orderRef, String amount) {
        given().contentType(ContentType.JSON)
                .body(Map.of("orderRef", orderRef, "amount", amount, "currency", "EUR"))
                .when()
                .post("/v1/customers/" + customerId + "/purchases")
                .then()
                .statusCode(201);
    }

    /** Logs a phone call on a customer's timeline through the API. */
    public static void logInteraction(String customerId, String summary) {
        given().contentType(ContentType.JSON)
                .body(Map.of("type", "call", "channel", "phone", "summary", summary))
                .when()
                .post("/v1/customers/" + customerId + "/interactions")
                .then()
                .statusCode(201);
    }

    /** Creates the customer and returns its id. */
    public String create() {
        return post().statusCode(201).extract().path("id");
    }
}
