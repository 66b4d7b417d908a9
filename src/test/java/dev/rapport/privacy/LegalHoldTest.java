package dev.rapport.privacy;

import static dev.rapport.customer.CustomerFixtures.aCustomer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.rapport.platform.Database;
import dev.rapport.platform.security.RolePermissions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/** Admins place and lift legal holds; each change is an event (and so an audit entry); a merge keeps the hold. */
@QuarkusTest
@TestSecurity(user = "ada.admin", roles = "admin", augmentors = RolePermissions.class)
class LegalHoldTest {

    @Inject
    Database db;

    @Test
    void aHoldIsPlacedChangedReadAndLifted() {
        String customer = aCustomer().create();
        String path = "/v1/customers/" + customer + "/legal-hold";

        given().when().get(path).then().statusCode(404);
        place(customer, Map.of("reason", "Pending litigation", "reference", "CASE-1"))
                .statusCode(200)
                .body("customerId", equalTo(customer))
                .body("reason", equalTo("Pending litigation"))
                .body("placedBy", equalTo("ada.admin"));
        place(customer, Map.of("reason", "Tax audit")).statusCode(200);
        given().when().get(path).then().statusCode(200).body("reason", equalTo("Tax audit"));

        given().when().delete(path).then().statusCode(204);
        given().when().get(path).then().statusCode(404);
        given().when().delete(path).then().statusCode(404);
        assertThat(db.count(
                        "select count(*) from audit_entry where resource_id = cast(? as uuid) and action like 'customer.legal_hold_%'",
                        customer))
                .isEqualTo(3);
    }

    @Test
    void aHoldNeedsAReasonAndALiveCustomer() {
        String customer = aCustomer().create();
        place(customer, Map.of("reason", " ")).statusCode(400).body("errors[0].field", equalTo("reason"));
        place(java.util.UUID.randomUUID().toString(), Map.of("reason", "x")).statusCode(404);
    }

    @Test
    void theSurvivorOfAMergeIsHeldWhenTheDuplicateWas() {
        String survivor = aCustomer().create();
        String duplicate = aCustomer().create();
        place(duplicate, Map.of("reason", "Pending litigation")).statusCode(200);

        given().contentType(ContentType.JSON)
                .body(Map.of("duplicateId", duplicate))
                .when()
                .post("/v1/customers/" + survivor + "/merge")
                .then()
                .statusCode(200)
                .body("moved.find { it.table == 'legal_hold' }.count", equalTo(1));
        given().when()
                .get("/v1/customers/" + survivor + "/legal-hold")
                .then()
                .statusCode(200)
                .body("reason", equalTo("Pending litigation"));
    }

    @Test
    @TestSecurity(user = "mia.manager", roles = "manager", augmentors = RolePermissions.class)
    void onlyAdminsManageHolds() {
        String customer = aCustomer().create();
        place(customer, Map.of("reason", "x")).statusCode(403);
        given().when().get("/v1/customers/" + customer + "/legal-hold").then().statusCode(403);
    }

    private static io.restassured.response.ValidatableResponse place(String customer, Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .put("/v1/customers/" + customer + "/legal-hold")
                .then();
    }
}
