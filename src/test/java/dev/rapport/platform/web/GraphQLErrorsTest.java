package dev.rapport.platform.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.rapport.platform.security.RolePermissions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Every way a GraphQL request fails answers with a code: a problem document, or GraphQL errors with one. */
@QuarkusTest
@TestSecurity(user = "agent-alice", roles = "agent", augmentors = RolePermissions.class)
class GraphQLErrorsTest {

    @Test
    void aQueryThatDoesNotParseIsRefusedWithThePlaceOfTheError() {
        post(Map.of("query", "{ customers(limit: 1) { data { id } }"))
                .statusCode(400)
                .body("errors[0].extensions.code", equalTo("malformed-request"))
                .body("errors[0].extensions.requestId", notNullValue())
                .body("errors[0].locations[0].line", equalTo(1))
                .body("errors[0].message", containsString("column 38"));
    }

    @Test
    void schemaValidationAndVariableCoercionErrorsAreValidationFailed() {
        post(Map.of("query", "{ nope }"))
                .statusCode(200)
                .body("errors[0].extensions.code", equalTo("validation-failed"))
                .body("errors[0].extensions.requestId", notNullValue());
        post(Map.of("query", "query($l: Int!) { customers(limit: $l) { hasMore } }", "variables", Map.of("l", "many")))
                .body("errors[0].extensions.code", equalTo("validation-failed"));
        post(Map.of(
                        "query",
                        "mutation($p: PurchaseInput!) { recordPurchase(customerId: \"x\", input: $p) { id } }",
                        "variables",
                        Map.of("p", 5)))
                .body("errors[0].extensions.code", equalTo("validation-failed"))
                .body("errors[0].message", not(containsString("dev.rapport")));
    }

    @Test
    void beanValidationNamesTheFields() {
        post(Map.of("query", "mutation { createCustomer(input: {emails: [{address: \"nope\"}]}) { id } }"))
                .body("data.createCustomer", nullValue())
                .body("errors[0].extensions.code", equalTo("validation-failed"))
                .body("errors[0].extensions.errors.field", hasItem("emails[0].address"))
                .body("errors[0].message", not(containsString("{jakarta")));
    }

    @Test
    @TestSecurity(user = "ann.analyst", roles = "analyst", augmentors = RolePermissions.class)
    void aCallerWithoutThePermissionIsForbidden() {
        post(Map.of("query", "mutation { createCustomer(input: {givenName: \"X\"}) { id } }"))
                .body("data.createCustomer", nullValue())
                .body("errors[0].extensions.code", equalTo("forbidden"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "[1]",
                "{}",
                "{\"query\": 5}",
                "{\"query\": \"{ customers { hasMore } }\", \"variables\": [1]}",
                "{\"query\": \"{ customers { hasMore } }\", \"variables\": \"a\"}",
                "{\"query\": \"{ customers { hasMore } }\", \"operationName\": 1}",
                "{\"query\": \"{ customers { hasMore } }\", \"query\": \"{ nope }\"}",
                "{\"query\": "
            })
    void aBodyThatIsNotAGraphQLRequestIsAProblem(String body) {
        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/graphql")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("malformed-request"))
                .body("detail", not(containsString("Exception")));
    }

    @Test
    void graphQLIsPostedAsJson() {
        given().queryParam("query", "{ customers { hasMore } }")
                .when()
                .get("/graphql")
                .then()
                .statusCode(405)
                .header("Allow", "POST")
                .contentType("application/problem+json")
                .body("code", equalTo("method-not-allowed"));
        given().contentType(ContentType.TEXT)
                .body("{ customers { hasMore } }")
                .when()
                .post("/graphql")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("code", equalTo("unsupported-media-type"));
    }

    @Test
    void aQueryWhoseAliasesAndPagesMultiplyBeyondTheBoundIsRefusedBeforeItRuns() {
        String page =
                " a%d: customers(limit: 100) { data { stats { purchaseCount } recentPurchases(limit: 50) { id } } }";
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < 300; i++) {
            query.append(page.formatted(i));
        }
        post(Map.of("query", query.append('}').toString()))
                .body("data", nullValue())
                .body("errors.extensions.code", everyItem(equalTo("query-too-complex")))
                .body("errors[0].message", containsString("at most 10000"));
        post(Map.of("query", "{ customers(limit: 100) { data { id recentPurchases(limit: 50) { id } } } }"))
                .body("errors", nullValue());
    }

    @Test
    void aQueryNestedTooDeeplyIsRefused() {
        String type = "name " + "ofType { name ".repeat(15) + "}".repeat(15);
        post(Map.of("query", "{ __schema { types { fields { type { " + type + " } } } } }"))
                .body("errors[0].extensions.code", equalTo("query-too-complex"))
                .body("errors[0].message", containsString("levels deep"));
        // what GraphQL tools send to read the schema stays within the bound
        post(Map.of(
                        "query",
                        "{ __schema { types { fields { type { " + "ofType { ".repeat(7) + "name" + " }".repeat(7)
                                + " } } } } }"))
                .body("errors", nullValue());
    }

    private static ValidatableResponse post(Map<String, Object> request) {
        return given().contentType(ContentType.JSON)
                .body(request)
                .when()
                .post("/graphql")
                .then();
    }
}
