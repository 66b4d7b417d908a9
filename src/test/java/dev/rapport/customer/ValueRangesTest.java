package dev.rapport.customer;

import static dev.rapport.customer.CustomerFixtures.aCustomer;
import static dev.rapport.customer.CustomerFixtures.recordPurchase;
import static dev.rapport.customer.CustomerFixtures.uniqueTag;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.rapport.platform.Database;
import dev.rapport.platform.TestClock;
import dev.rapport.platform.security.RolePermissions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/** Dates, times and numbers are ones the domain can mean and the database can keep, in and out. */
@QuarkusTest
@TestSecurity(user = "mona.manager", roles = "manager", augmentors = RolePermissions.class)
class ValueRangesTest {

    @Inject
    Database db;

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"givenName\": \"Max\", \"birthday\": \"-0001-01-01\"}                          | birthday",
                "{\"givenName\": \"Max\", \"birthday\": \"1850-06-01\"}                           | birthday",
                "{\"givenName\": \"Max\", \"consents\": {\"email\": {\"granted\": true, \"recordedAt\": \"+999999999-12-31T23:59:59Z\"}}} | consents.email.recordedAt",
                "{\"givenName\": \"Max\", \"consents\": {\"sms\": {\"granted\": true, \"recordedAt\": \"2999-01-01T00:00:00Z\"}}} | consents.sms.recordedAt",
                "{\"givenName\": \"Max\", \"attributes\": {\"big\": 1e400}}                       | attributes.big",
                "{\"givenName\": \"Max\", \"attributes\": {\"big\": -1e400}}                      | attributes.big"
            })
    void aCustomerWithAValueOutOfRangeIsRefusedNamingTheField(String body, String field) {
        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/v1/customers")
                .then()
                .statusCode(400)
                .body("code", equalTo("validation-failed"))
                .body("errors.field", hasItem(field));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+300000-01-01T00:00:00Z", "1899-12-31T23:59:59Z", "2999-01-01T00:00:00+02:00"})
    void purchasesAndInteractionsHappenInASaneWindow(String occurredAt) {
        String id = aCustomer().create();
        given().contentType(ContentType.JSON)
                .body(Map.of("orderRef", "ORD-1", "amount", 10, "currency", "EUR", "occurredAt", occurredAt))
                .when()
                .post("/v1/customers/" + id + "/purchases")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("occurredAt"));
        given().contentType(ContentType.JSON)
                .body(Map.of("type", "call", "occurredAt", occurredAt))
                .when()
                .post("/v1/customers/" + id + "/interactions")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("occurredAt"));
    }

    @Inject
    TestClock clock;

    /** "From now" is the service's clock, which bean validation reads too. */
    @Test
    void theWindowMovesWithTheServicesClock() {
        String id = aCustomer().create();
        String inFiveDays =
                java.time.Instant.now().plus(java.time.Duration.ofDays(5)).toString();
        Map<String, Object> purchase =
                Map.of("orderRef", "ORD-later", "amount", 10, "currency", "EUR", "occurredAt", inFiveDays);
        given().contentType(ContentType.JSON)
                .body(purchase)
                .when()
                .post("/v1/customers/" + id + "/purchases")
                .then()
                .statusCode(400);
        clock.advance(java.time.Duration.ofDays(10));
        try {
            given().contentType(ContentType.JSON)
                    .body(purchase)
                    .when()
                    .post("/v1/customers/" + id + "/purchases")
                    .then()
                    .statusCode(201);
        } finally {
            clock.reset();
        }
    }

    @Test
    void aPlausibleOldDateIsKept() {
        given().contentType(ContentType.JSON)
                .body(Map.of("givenName", "Ada", "birthday", "1915-12-10"))
                .when()
                .post("/v1/customers")
                .then()
                .statusCode(201)
                .body("birthday", equalTo("1915-12-10"));
    }

    @Test
    void anAmountBeyondWhatIsKeptIsRefused() {
        String id = aCustomer().create();
        given().contentType(ContentType.JSON)
                .body("{\"orderRef\": \"ORD-1\", \"amount\": 1e30, \"currency\": \"EUR\"}")
                .when()
                .post("/v1/customers/" + id + "/purchases")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("amount"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "attributes.score=gt=1e999999999",
                "attributes.score==1e999999999",
                "attributes.score=lt=1e-99999",
                "birthday==-999999999-01-01",
                "birthday=gt=+10000-01-01",
                "createdAt=gt=+300000-01-01T00:00:00Z",
                "createdAt=lt=0000-12-31"
            })
    void aFilterValueOutOfRangeIsAnInvalidFilter(String filter) {
        given().queryParam("filter", filter)
                .when()
                .get("/v1/customers")
                .then()
                .statusCode(400)
                .body("code", equalTo("invalid-filter"))
                .body("detail", containsString("out of range"));
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "query",
                        "query($f: String) { customers(filter: $f) { hasMore } }",
                        "variables",
                        Map.of("f", filter)))
                .when()
                .post("/graphql")
                .then()
                .body("errors[0].extensions.code", equalTo("invalid-filter"));
    }

    /**
     * Rows written before the checks existed: every list holding them, and the rows themselves, still answer, and
     * can be corrected and deleted.
     */
    @Test
    void storedValuesOutOfRangeDoNotBreakReads() {
        String tag = uniqueTag();
        String id = aCustomer().with("tags", java.util.List.of(tag)).create();
        recordPurchase(id, "ORD-1", "10.00");
        db.execute(
                "update customer set consents = cast(? as jsonb), birthday = '4000-01-01 BC' where id = cast(? as uuid)",
                "{\"email\": {\"granted\": true, \"recordedAt\": \"+999999999-12-31T23:59:59Z\"}}",
                id);
        db.execute("update purchase set occurred_at = 'infinity' where customer_id = cast(? as uuid)", id);

        given().queryParam("filter", "tags==" + tag)
                .queryParam("expand", "purchases,stats")
                .when()
                .get("/v1/customers")
                .then()
                .statusCode(200)
                .body("data", hasSize(1))
                .body("data[0].consents.email.granted", equalTo(true));
        given().when()
                .get("/v1/customers/" + id + "/purchases")
                .then()
                .statusCode(200)
                .body("data", hasSize(1));
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "query",
                        "query($f: String) { customers(filter: $f) { data { id birthday consents { email { recordedAt } }"
                                + " recentPurchases { occurredAt } } } }",
                        "variables",
                        Map.of("f", "tags==" + tag)))
                .when()
                .post("/graphql")
                .then()
                .body("errors", nullValue())
                .body("data.customers.data", hasSize(1));
        // a change leaves a valid record: the caller learns which stored values to correct, and can
        given().contentType("application/merge-patch+json")
                .body("{\"familyName\": \"Byron\"}")
                .when()
                .patch("/v1/customers/" + id)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("birthday"))
                .body("errors.field", hasItem("consents.email.recordedAt"));
        given().contentType("application/merge-patch+json")
                .body(
                        "{\"familyName\": \"Byron\", \"birthday\": null, \"consents\": {\"email\": {\"recordedAt\": null}}}")
                .when()
                .patch("/v1/customers/" + id)
                .then()
                .statusCode(200)
                .body("familyName", equalTo("Byron"));
        given().when().delete("/v1/customers/" + id).then().statusCode(204);
    }
}
