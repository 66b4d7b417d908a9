package dev.rapport.platform;

import static dev.rapport.customer.CustomerFixtures.aCustomer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.rapport.platform.security.RolePermissions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/** NUL and other control characters are refused as bad input wherever text enters, never a 500. */
@QuarkusTest
@TestSecurity(user = "mona.manager", roles = "manager", augmentors = RolePermissions.class)
class ControlCharactersTest {

    @ParameterizedTest
    @ValueSource(strings = {"\\u0000", "\\u0007", "\\u001b", "\\u007f"})
    void aBodyTextWithAControlCharacterIsMalformedNamingTheField(String control) {
        given().contentType(ContentType.JSON)
                .body("{\"givenName\": \"A" + control + "da\"}")
                .when()
                .post("/v1/customers")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("malformed-request"))
                .body("errors.field", hasItem("givenName"));
        String id = aCustomer().create();
        given().contentType(ContentType.JSON)
                .body("{\"type\": \"note\", \"summary\": \"x" + control + "y\"}")
                .when()
                .post("/v1/customers/" + id + "/interactions")
                .then()
                .statusCode(400)
                .body("code", equalTo("malformed-request"));
    }

    @Test
    void tabsAndLineBreaksAreText() {
        String id = aCustomer().create();
        given().contentType(ContentType.JSON)
                .body("{\"type\": \"note\", \"summary\": \"line 1\\n\\tline 2\\r\\n\"}")
                .when()
                .post("/v1/customers/" + id + "/interactions")
                .then()
                .statusCode(201)
                .body("summary", equalTo("line 1\n\tline 2\r\n"));
    }

    @Test
    void anAttributeOrPatchWithNulIsRefused() {
        given().contentType(ContentType.JSON)
                .body("{\"givenName\": \"Ada\", \"attributes\": {\"note\": \"a\\u0000b\"}}")
                .when()
                .post("/v1/customers")
                .then()
                .statusCode(400)
                .body("code", equalTo("malformed-request"));
        String id = aCustomer().create();
        given().contentType("application/merge-patch+json")
                .body("{\"familyName\": \"a\\u0000b\"}")
                .when()
                .patch("/v1/customers/" + id)
                .then()
                .statusCode(400)
                .body("code", equalTo("malformed-request"));
    }

    @Test
    void aQueryParameterWithAControlCharacterIsRefused() {
        given().queryParam("q", "a\u0000b").when().get("/v1/customers").then().statusCode(400);
        given().queryParam("q", "a\u0007b")
                .when()
                .get("/v1/customers")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("malformed-request"));
        given().queryParam("q", "two\nlines").when().get("/v1/customers").then().statusCode(200);
        given().queryParam("filter", "givenName==\"a\u0000b\"")
                .when()
                .get("/v1/customers")
                .then()
                .statusCode(400);
    }

    @Test
    void graphQLVariablesAndLiteralsWithNulAreRefused() {
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "query",
                        "query($q: String) { customers(q: $q) { hasMore } }",
                        "variables",
                        Map.of("q", "a\u0000b")))
                .when()
                .post("/graphql")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("variables.q"));
        given().contentType(ContentType.JSON)
                .body(Map.of("query", "mutation { createCustomer(input: {givenName: \"a\\u0000b\"}) { id } }"))
                .when()
                .post("/graphql")
                .then()
                .statusCode(200)
                .body("errors[0].extensions.code", equalTo("malformed-request"));
        given().contentType(ContentType.JSON)
                .body(Map.of("query", "{ customers(q: \"a\\u0000b\") { hasMore } }"))
                .when()
                .post("/graphql")
                .then()
                .body("errors[0].extensions.code", equalTo("malformed-request"));
    }
}
