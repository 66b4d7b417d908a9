package dev.rapport.platform;

import static dev.rapport.customer.CustomerFixtures.aCustomer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.rapport.platform.security.RolePermissions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/** A body that names a field twice, or gives a text field another type, is malformed, whichever resource it is sent to. */
@QuarkusTest
@TestSecurity(user = "mona.manager", roles = "manager", augmentors = RolePermissions.class)
class DuplicateKeysTest {

    @Test
    void aCustomerWithAFieldTwiceIsRefused() {
        refused("/v1/customers", "{\"givenName\": \"Ada\", \"givenName\": \"Eve\"}", "givenName");
    }

    @Test
    void aPurchaseOrInteractionWithAFieldTwiceIsRefused() {
        String id = aCustomer().create();
        refused(
                "/v1/customers/" + id + "/purchases",
                "{\"orderRef\": \"ORD-1\", \"amount\": 10, \"amount\": 1000, \"currency\": \"EUR\"}",
                "amount");
        refused(
                "/v1/customers/" + id + "/interactions",
                "{\"type\": \"call\", \"channel\": \"phone\", \"channel\": \"email\"}",
                "channel");
    }

    @Test
    void aWebhookEndpointWithAFieldTwiceIsRefused() {
        refused(
                "/v1/webhook-endpoints",
                "{\"url\": \"https://hooks.example.com/a\", "
                        + "\"url\": \"https://hooks.example.com/b\", \"eventTypes\": [\"customer.*\"]}",
                "url");
    }

    @Test
    void aMergePatchWithAFieldTwiceIsRefused() {
        String id = aCustomer().create();
        given().contentType("application/merge-patch+json")
                .body("{\"familyName\": \"King\", \"familyName\": \"Byron\"}")
                .when()
                .patch("/v1/customers/" + id)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("malformed-request"));
        given().when().get("/v1/customers/" + id).then().statusCode(200).body("version", equalTo(0));
    }

    @Test
    void aGraphQLPatchWithAFieldTwiceIsRefused() {
        String id = aCustomer().create();
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "query",
                        "mutation($id: ID!, $patch: String!) { updateCustomer(id: $id, patch: $patch) { id } }",
                        "variables",
                        Map.of("id", id, "patch", "{\"familyName\": \"King\", \"familyName\": \"Byron\"}")))
                .when()
                .post("/graphql")
                .then()
                .statusCode(200)
                .body("data.updateCustomer", nullValue())
                .body("errors[0].extensions.code", equalTo("malformed-request"));
    }

    @Test
    void aTextFieldTakesOnlyAString() {
        refused("/v1/webhook-endpoints", "{\"url\": 2130706433, \"eventTypes\": [\"customer.*\"]}", "url");
        refused("/v1/webhook-endpoints", "{\"url\": true, \"eventTypes\": [\"customer.*\"]}", "url");
        refused("/v1/customers", "{\"givenName\": 1.5}", "givenName");
    }

    private static void refused(String path, String body, String field) {
        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("malformed-request"))
                .body("detail", containsString(field));
    }
}
