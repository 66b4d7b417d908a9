package dev.rapport.customer;

import static dev.rapport.customer.CustomerFixtures.aCustomer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.rapport.platform.security.RolePermissions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

@QuarkusTest
@TestSecurity(user = "agent-alice", roles = "agent", augmentors = RolePermissions.class)
class CustomerResourceTest {

    @Test
    void createsACustomerWithNormalizedContactsAndReadsItBack() {
        String id = aCustomer()
                .with(
                        "emails",
                        List.of(Map.of("address", "Zoe.Orsted." + CustomerFixtures.uniqueTag() + "@Example.COM")))
                .with(
                        "phones",
                        List.of(
                                Map.of("number", "+44 (20) 7946-0958"),
                                Map.of("number", "0033 1 23 45 67 89", "primary", true)))
                .with("tags", List.of("VIP", "vip", "Newsletter"))
                .with("attributes", Map.of("score", 42, "segment", "b2b"))
                .with("consents", Map.of("email", Map.of("granted", true, "source", "signup-form")))
                .post()
                .statusCode(201)
                .header("Location", containsString("/v1/customers/"))
                .header("ETag", equalTo("\"0\""))
                .body("emails[0].address", startsWith("zoe.orsted."))
                .body("emails[0].primary", equalTo(true))
                .body("phones.number", contains("+442079460958", "+33123456789"))
                .body("phones.primary", contains(false, true))
                .body("tags", contains("vip", "newsletter"))
                .body("attributes.score", equalTo(42))
                .body("consents.email.granted", equalTo(true))
                .body("consents.email.recordedAt", notNullValue())
                .extract()
                .path("id");

        given().when()
                .get("/v1/customers/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("id", equalTo(id))
                .body("givenName", equalTo("Ada"))
                .body("deletedAt", nullValue());
    }

    /** GET reads the row without Hibernate: every field must come back as the create stored it. */
    @Test
    void readsBackEveryFieldAsCreated() {
        Map<String, Object> created = aCustomer()
                .with("emails", List.of(Map.of("address", "grace." + CustomerFixtures.uniqueTag() + "@example.com")))
                .with("phones", List.of(Map.of("number", "+44 20 7946 0000")))
                .with(
                        "addresses",
                        List.of(Map.of(
                                "label",
                                "home",
                                "line1",
                                "12 Analytical Row",
                                "city",
                                "London",
                                "postalCode",
                                "N1 9GU",
                                "country",
                                "GB")))
                .with("birthday", "1906-12-09")
                .with("locale", "en-GB")
                .with("timeZone", "Europe/London")
                .with("ownerId", "agent-alice")
                .with("tags", List.of("navy", "cobol"))
                .with(
                        "attributes",
                        Map.of("score", 42, "ratio", 0.25, "big", 12345678901L, "active", true, "segment", "b2b"))
                .with("consents", Map.of("sms", Map.of("granted", false, "source", "call-centre")))
                .post()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getMap("$");

        Map<String, Object> read = given().when()
                .get("/v1/customers/" + created.get("id"))
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .extract()
                .jsonPath()
                .getMap("$");

        assertEquals(created, read);
    }

    @Test
    void rejectsInvalidFieldsWithAProblemListingEachField() {
        aCustomer()
                .with("emails", List.of(Map.of("address", "not-an-email")))
                .with("locale", "??")
                .post()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("validation-failed"))
                .body("status", equalTo(400))
                .body("errors.field", hasItem("emails[0].address"))
                .body("errors.field", hasItem("locale"));
    }

    @Test
    void unknownCustomerIsANotFoundProblem() {
        given().when()
                .get("/v1/customers/00000000-0000-7000-8000-000000000000")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("not-found"))
                .body("requestId", notNullValue());
    }

    @Test
    void malformedJsonIsAProblem() {
        given().contentType(ContentType.JSON)
                .body("{\"givenName\": ")
                .when()
                .post("/v1/customers")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("malformed-request"));
    }
}
