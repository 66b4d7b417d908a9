package dev.rapport.platform.security;

import static dev.rapport.customer.CustomerFixtures.aCustomer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.rapport.customer.CustomerFixtures;
import dev.rapport.platform.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/** A partner client sees and changes only its own customers; another partner's are as absent as missing ones. */
@QuarkusTest
@TestSecurity(
        user = "acme-sync",
        roles = {"customers:read", "customers:write"},
        attributes = @SecurityAttribute(key = "partner_id", value = "acme"))
class PartnerIsolationTest {

    @Inject
    Database db;

    @Test
    void anotherPartnersCustomerIsNotFoundEverywhere() {
        String tag = CustomerFixtures.uniqueTag();
        UUID globex = insertCustomerOf("globex", tag, "shared." + tag + "@example.com");
        String path = "/v1/customers/" + globex;

        given().when().get(path).then().statusCode(404).body("code", equalTo("not-found"));
        given().contentType("application/merge-patch+json")
                .body(Map.of("givenName", "Mine"))
                .when()
                .patch(path)
                .then()
                .statusCode(404);
        given().when().get(path + "/purchases").then().statusCode(404);
        given().contentType(ContentType.JSON)
                .body(Map.of("type", "note"))
                .when()
                .post(path + "/interactions")
                .then()
                .statusCode(404);
        given().queryParam("filter", "tags==" + tag)
                .when()
                .get("/v1/customers")
                .then()
                .statusCode(200)
                .body("data", hasSize(0));
        given().contentType(ContentType.JSON)
                .body(Map.of("query", "{ customer(id: \"" + globex + "\") { id } }"))
                .when()
                .post("/graphql")
                .then()
                .body("errors[0].extensions.code", equalTo("not-found"));

        // Email uniqueness is per partner, so it cannot reveal that globex has this address.
        aCustomer().email("shared." + tag + "@example.com").post().statusCode(201);
    }

    @Test
    void aPartnersOwnCustomersCarryItsIdAndAreVisibleToIt() {
        String tag = CustomerFixtures.uniqueTag();
        String id = aCustomer()
                .with("tags", List.of(tag))
                .post()
                .statusCode(201)
                .body("partnerId", equalTo("acme"))
                .extract()
                .path("id");
        given().when().get("/v1/customers/" + id).then().statusCode(200);
        given().queryParam("filter", "tags==" + tag)
                .when()
                .get("/v1/customers")
                .then()
                .body("data", hasSize(1));
    }

    @Test
    @TestSecurity(
            user = "service-account-unbound",
            roles = {"customers:read", "customers:write", "events:read", "webhooks:manage"})
    void aClientBoundToNoPartnerIsRefusedPartnerData() {
        String tag = CustomerFixtures.uniqueTag();
        UUID globex = insertCustomerOf("globex", tag, "unbound." + tag + "@example.com");

        forbidden(given().when().get("/v1/customers"));
        forbidden(given().queryParam("filter", "tags==" + tag).when().get("/v1/customers"));
        forbidden(given().when().get("/v1/customers/" + globex));
        forbidden(given().when().get("/v1/customers/" + globex + "/purchases"));
        forbidden(given().contentType(ContentType.JSON)
                .body(Map.of("givenName", "Nobody's"))
                .when()
                .post("/v1/customers"));
        forbidden(given().when().get("/v1/events"));
        forbidden(given().when().get("/v1/webhook-endpoints"));
        for (String query : List.of(
                "{ customers(limit: 5) { data { id } } }",
                "{ customer(id: \"" + globex + "\") { id } }",
                "{ events { data { id } } }")) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("query", query))
                    .when()
                    .post("/graphql")
                    .then()
                    .statusCode(200)
                    .body("errors[0].extensions.code", equalTo("forbidden"));
        }
    }

    @Test
    @TestSecurity(
            user = "service-account-reporting",
            roles = {"customers:read", "events:read", "partners:all"})
    void anInternalIntegrationSeesEveryPartnersCustomers() {
        String tag = CustomerFixtures.uniqueTag();
        UUID globex = insertCustomerOf("globex", tag, "internal." + tag + "@example.com");

        given().when().get("/v1/customers/" + globex).then().statusCode(200).body("partnerId", equalTo("globex"));
        given().queryParam("filter", "tags==" + tag)
                .when()
                .get("/v1/customers")
                .then()
                .statusCode(200)
                .body("data", hasSize(1));
        given().when().get("/v1/events?limit=1").then().statusCode(200);
    }

    private static void forbidden(io.restassured.response.Response response) {
        response.then().statusCode(403).contentType("application/problem+json").body("code", equalTo("forbidden"));
    }

    private UUID insertCustomerOf(String partner, String tag, String email) {
        UUID id = UUID.randomUUID();
        db.execute(
                """
                insert into customer (id, given_name, contacts, primary_email, tags, partner_id, created_at, updated_at)
                values (?, 'Other', cast(? as jsonb), ?, cast(? as text[]), ?, now(), now())
                """,
                id,
                "{\"emails\":[{\"address\":\"" + email + "\",\"primary\":true}],\"phones\":[],\"addresses\":[]}",
                email,
                "{" + tag + "}",
                partner);
        db.execute(
                "insert into customer_email (partner_scope, email, customer_id) values (?, ?, ?)", partner, email, id);
        return id;
    }
}
