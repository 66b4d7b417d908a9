package dev.rapport.customer;

import static dev.rapport.customer.CustomerFixtures.aCustomer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.rapport.platform.Database;
import dev.rapport.platform.security.RolePermissions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/** Every change of a channel consent is kept, with who recorded it and which text was accepted, and announced. */
@QuarkusTest
@TestSecurity(user = "agent-alice", roles = "agent", augmentors = RolePermissions.class)
class ConsentHistoryTest {

    @Inject
    Database db;

    @Test
    void eachChangeOfAConsentIsKeptNewestFirst() {
        String id = aCustomer()
                .with(
                        "consents",
                        Map.of("email", Map.of("granted", true, "source", "signup-form", "version", "terms-v1")))
                .create();
        patch(
                id,
                Map.of(
                        "consents",
                        Map.of(
                                "email", Map.of("granted", false, "source", "preference-center", "version", "terms-v2"),
                                "sms", Map.of("granted", true, "source", "till"))));
        patch(id, Map.of("givenName", "Augusta"));

        given().when()
                .get("/v1/customers/" + id + "/consents/history")
                .then()
                .statusCode(200)
                .body("data", hasSize(3))
                .body("data[0..1].channel", containsInAnyOrder("sms", "email"))
                .body("data.find { it.channel == 'email' }.granted", equalTo(false))
                .body("data.find { it.channel == 'email' }.version", equalTo("terms-v2"))
                .body("data.find { it.channel == 'email' }.actor", equalTo("agent-alice"))
                .body("data[2].granted", equalTo(true))
                .body("data[2].source", equalTo("signup-form"));
        given().queryParam("channel", "email")
                .when()
                .get("/v1/customers/" + id + "/consents/history")
                .then()
                .statusCode(200)
                .body("data.granted", contains(false, true));
        given().when().get("/v1/customers/" + id).then().body("consents.email.version", equalTo("terms-v2"));
        CustomerGraphQLTest.graphql("""
                query($id: ID!) { customer(id: $id) { consentHistory(limit: 2) { channel granted version actor } } }
                """, Map.of("id", id))
                .body("errors", org.hamcrest.Matchers.nullValue())
                .body("data.customer.consentHistory", hasSize(2))
                .body("data.customer.consentHistory.channel", containsInAnyOrder("sms", "email"))
                .body("data.customer.consentHistory.find { it.channel == 'email' }.version", equalTo("terms-v2"));
        assertThat(db.count(
                        "select count(*) from event where type = 'consent.changed' and subject_id = cast(? as uuid)",
                        id))
                .isEqualTo(3);
    }

    @Test
    void theHistoryIsAskedOfALiveCustomerAndOneChannel() {
        String id = aCustomer().create();
        given().queryParam("channel", "fax")
                .when()
                .get("/v1/customers/" + id + "/consents/history")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("channel"));
        given().when()
                .get("/v1/customers/" + id + "/consents/history")
                .then()
                .statusCode(200)
                .body("data", hasSize(0));
        given().when()
                .get("/v1/customers/" + java.util.UUID.randomUUID() + "/consents/history")
                .then()
                .statusCode(404);
    }

    private static void patch(String id, Map<String, Object> patch) {
        given().contentType("application/merge-patch+json")
                .body(patch)
                .when()
                .patch("/v1/customers/" + id)
                .then()
                .statusCode(200);
    }
}
