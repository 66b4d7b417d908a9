package dev.rapport.automation;

import static dev.rapport.customer.CustomerFixtures.aCustomer;
import static dev.rapport.customer.CustomerFixtures.uniqueTag;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.rapport.platform.Database;
import dev.rapport.platform.security.RolePermissions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Triggers in GraphQL: the same definitions, runs, tests and errors as REST. */
@QuarkusTest
@TestSecurity(user = "mona.manager", roles = "manager", augmentors = RolePermissions.class)
class TriggerGraphQLTest {

    @Inject
    Database database;

    @AfterEach
    void disableTriggers() {
        TriggerFixtures.disableAll(database);
    }

    @Test
    void defineATriggerWatchItFireTestItAndDeleteIt() {
        String tag = uniqueTag();
        String customer = aCustomer().with("tags", List.of(tag)).create();
        Map<String, Object> input = Map.of(
                "name",
                "Welcome",
                "kind",
                "event",
                "eventTypes",
                List.of("customer.updated"),
                "condition",
                "tags==" + tag,
                "actions",
                List.of(Map.of("type", "addTags", "settings", "{\"tags\": [\"welcomed\"]}")));
        String id = graphql("""
                        mutation($input: TriggerInput!) {
                          createTrigger(input: $input) { id name kind eventTypes actions { type settings } }
                        }
                        """, Map.of("input", input))
                .body("errors", nullValue())
                .body("data.createTrigger.actions.type", contains("addTags"))
                .body("data.createTrigger.actions[0].settings", equalTo("{\"tags\":[\"welcomed\"]}"))
                .extract()
                .path("data.createTrigger.id");

        graphql("""
                query($id: ID!, $customer: String) {
                  triggerTest(id: $id, eventType: "customer.updated", customerId: $customer) {
                    fires conditionsHeld actions { type wouldDo }
                  }
                }
                """, Map.of("id", id, "customer", customer))
                .body("errors", nullValue())
                .body("data.triggerTest.fires", equalTo(true))
                .body("data.triggerTest.actions.wouldDo", contains("would add tags [welcomed]"));

        given().contentType("application/merge-patch+json")
                .body(Map.of("familyName", "Changed"))
                .when()
                .patch("/v1/customers/" + customer)
                .then()
                .statusCode(200);
        TriggerFixtures.awaitFinishedRuns(id, 2);

        graphql("""
                query($id: ID!) {
                  triggerRuns(id: $id, status: "succeeded") {
                    data { status eventType customerId actions { type status outcome } }
                  }
                  triggers(limit: 100) { data { id } }
                }
                """, Map.of("id", id))
                .body("errors", nullValue())
                .body("data.triggerRuns.data.customerId", contains(customer))
                .body("data.triggerRuns.data[0].actions[0].outcome", equalTo("add tags [welcomed]"));

        graphql("""
                mutation($id: ID!) { updateTrigger(id: $id, patch: "{\\"enabled\\": false}") { enabled version } }
                """, Map.of("id", id)).body("errors", nullValue()).body("data.updateTrigger.enabled", equalTo(false));
        graphql("""
                mutation($id: ID!) { deleteTrigger(id: $id) }
                """, Map.of("id", id)).body("errors", nullValue()).body("data.deleteTrigger", equalTo(id));
    }

    @Test
    void aMisconfiguredActionIsAnErrorNamingIt() {
        graphql(
                        """
                        mutation($input: TriggerInput!) { createTrigger(input: $input) { id } }
                        """,
                        Map.of(
                                "input",
                                Map.of(
                                        "name",
                                        "Bad",
                                        "kind",
                                        "event",
                                        "eventTypes",
                                        List.of("customer.updated"),
                                        "actions",
                                        List.of(Map.of("type", "addTags", "settings", "{\"tags\": []}")))))
                .body("errors[0].extensions.code", equalTo("validation-failed"))
                .body("errors[0].extensions.errors[0].field", equalTo("actions[0].settings.tags"));
    }

    static ValidatableResponse graphql(String query, Map<String, Object> variables) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("query", query, "variables", variables))
                .when()
                .post("/graphql")
                .then()
                .statusCode(200);
    }
}
