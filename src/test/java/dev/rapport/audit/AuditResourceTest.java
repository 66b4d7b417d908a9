package dev.rapport.audit;

import static dev.rapport.customer.CustomerFixtures.aCustomer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.rapport.platform.security.RolePermissions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

@QuarkusTest
class AuditResourceTest {

    @Test
    @TestSecurity(
            user = "ada.admin",
            roles = "admin",
            augmentors = RolePermissions.class,
            attributes = @SecurityAttribute(key = "azp", value = "rapport-web"))
    void everyWriteIsAuditedWithWhoWhatAndWhen() {
        String id = aCustomer().create();
        given().contentType("application/merge-patch+json")
                .header("X-Request-Id", "audit-req-1")
                .body(Map.of("familyName", "Byron"))
                .when()
                .patch("/v1/customers/" + id)
                .then()
                .statusCode(200);
        given().when().delete("/v1/customers/" + id).then().statusCode(204);

        given().queryParam("filter", "resourceId==" + id)
                .when()
                .get("/v1/audit-entries")
                .then()
                .statusCode(200)
                .body("data", hasSize(3))
                .body("data.action", contains("customer.deleted", "customer.updated", "customer.created"))
                .body("data[1].changedFields", contains("familyName"))
                .body("data[1].requestId", equalTo("audit-req-1"))
                .body("data[1].actor", equalTo("ada.admin"))
                .body("data[1].clientId", equalTo("rapport-web"))
                .body("data[1].resourceType", equalTo("customer"));

        given().queryParam("filter", "resourceId==" + id)
                .queryParam("limit", 2)
                .when()
                .get("/v1/audit-entries")
                .then()
                .body("data", hasSize(2))
                .body("hasMore", equalTo(true));
    }

    @Test
    @TestSecurity(user = "mona.manager", roles = "manager", augmentors = RolePermissions.class)
    void onlyAdminsReadTheAuditLog() {
        given().when().get("/v1/audit-entries").then().statusCode(403).body("code", equalTo("forbidden"));
    }
}
