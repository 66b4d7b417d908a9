package dev.rapport.customer;

import static dev.rapport.customer.CustomerFixtures.aCustomer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import dev.rapport.platform.security.RolePermissions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

/** Duplicates found by normalized contact points and by similar names, the report, and the check on create. */
@QuarkusTest
@TestSecurity(user = "manager-mia", roles = "manager", augmentors = RolePermissions.class)
class CustomerDuplicateTest {

    @Test
    void aDifferentlyFormattedPhoneNumberFindsTheDuplicate() {
        String digits = sixDigits();
        String first = aCustomer()
                .with("phones", List.of(Map.of("number", "+44 7400 " + digits)))
                .create();
        String second = aCustomer()
                .with("givenName", "Augusta")
                .with(
                        "phones",
                        List.of(Map.of("number", "0044 (7400) " + digits.substring(0, 3) + "-" + digits.substring(3))))
                .post()
                .statusCode(201)
                .body("phones[0].number", equalTo("+447400" + digits))
                .body("phones[0].type", equalTo("mobile"))
                .body("phones[0].valid", equalTo(true))
                .body(
                        "phones[0].original",
                        equalTo("0044 (7400) " + digits.substring(0, 3) + "-" + digits.substring(3)))
                .extract()
                .<String>path("id");

        given().when()
                .get("/v1/customers/" + first + "/duplicates")
                .then()
                .statusCode(200)
                .body("customerId", contains(second))
                .body("[0].reasons", contains("phone"))
                .body("[0].score", equalTo(0.9f))
                .body("[0].customer.givenName", equalTo("Augusta"));
        given().when()
                .get("/v1/customers/" + second + "/duplicates")
                .then()
                .statusCode(200)
                .body("customerId", contains(first));
    }

    @Test
    void gmailAddressesMatchWithoutDotsAndTags() {
        String local = "dup" + sixDigits();
        String first = aCustomer().email(local + "@gmail.com").create();
        String second = aCustomer()
                .email(local.substring(0, 3) + "." + local.substring(3) + "+shop@GMail.com")
                .create();

        given().when()
                .get("/v1/customers/" + first + "/duplicates")
                .then()
                .statusCode(200)
                .body("customerId", contains(second))
                .body("[0].reasons", contains("email"))
                .body("[0].score", equalTo(1.0f));
    }

    @Test
    void similarNamesMatchWithTheSameBirthdayOrPostalCode() {
        String family = "Quist" + sixDigits();
        String katharina = aCustomer()
                .with("givenName", "Katharina")
                .with("familyName", family)
                .with("birthday", "1985-03-14")
                .create();
        String katharine = aCustomer()
                .with("givenName", "Katharine")
                .with("familyName", family)
                .with("birthday", "1985-03-14")
                .with("addresses", List.of(Map.of("postalCode", "SW1A 1AA", "country", "GB")))
                .create();
        String kurt = aCustomer()
                .with("givenName", "Kurt")
                .with("familyName", "Other" + family)
                .with("birthday", "1985-03-14")
                .create();
        String elsewhere = aCustomer()
                .with("givenName", "Katharine")
                .with("familyName", family)
                .with("addresses", List.of(Map.of("postalCode", "sw1a1aa", "country", "GB")))
                .create();

        JsonPath duplicates = given().when()
                .get("/v1/customers/" + katharine + "/duplicates")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(duplicates.getList("customerId", String.class)).containsExactlyInAnyOrder(katharina, elsewhere);
        assertThat(duplicates.getList("find { it.customerId == '" + katharina + "' }.reasons", String.class))
                .containsExactly("name and birthday");
        assertThat(duplicates.getList("find { it.customerId == '" + elsewhere + "' }.reasons", String.class))
                .containsExactly("name and postal");
        given().when()
                .get("/v1/customers/" + kurt + "/duplicates")
                .then()
                .statusCode(200)
                .body("$", empty());
    }

    @Test
    void createCanRefuseAProbableDuplicateNamingTheMatch() {
        String digits = sixDigits();
        String existing = aCustomer()
                .with("phones", List.of(Map.of("number", "+44 7400 " + digits)))
                .create();
        CustomerFixtures again = aCustomer().with("phones", List.of(Map.of("number", "+447400" + digits)));

        given().contentType("application/json")
                .body(again.body())
                .queryParam("onDuplicate", "reject")
                .when()
                .post("/v1/customers")
                .then()
                .statusCode(409)
                .body("code", equalTo("conflict"))
                .body("detail", containsString(existing))
                .body("errors[0].field", equalTo("onDuplicate"))
                .body("errors[0].message", equalTo("matches customer " + existing + " by phone"));
        given().when().get("/v1/customers/" + existing + "/duplicates").then().body("$", empty());

        given().contentType("application/json")
                .body(again.body())
                .queryParam("onDuplicate", "maybe")
                .when()
                .post("/v1/customers")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("onDuplicate"));
        String allowed = given().contentType("application/json")
                .body(again.body())
                .queryParam("onDuplicate", "allow")
                .when()
                .post("/v1/customers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().when().get("/v1/customers/" + existing + "/duplicates").then().body("customerId", contains(allowed));
    }

    @Test
    void theReportListsEachPairOnce() {
        String digits = sixDigits();
        String first = aCustomer()
                .with("phones", List.of(Map.of("number", "+44 7400 " + digits)))
                .create();
        String second = aCustomer()
                .with("phones", List.of(Map.of("number", "+447400" + digits)))
                .create();

        List<Map<String, Object>> pairs = reportPairs();
        String low = first.compareTo(second) < 0 ? first : second;
        String high = low.equals(first) ? second : first;
        assertThat(pairs)
                .filteredOn(p -> List.of(first, second).contains(p.get("customerId"))
                        || List.of(first, second).contains(p.get("duplicateId")))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.get("customerId")).isEqualTo(low);
                    assertThat(p.get("duplicateId")).isEqualTo(high);
                    assertThat(p.get("reasons")).isEqualTo(List.of("phone"));
                });
    }

    @Test
    void aDeletedCustomerIsNoCandidate() {
        String digits = sixDigits();
        String first = aCustomer()
                .with("phones", List.of(Map.of("number", "+44 7400 " + digits)))
                .create();
        String second = aCustomer()
                .with("phones", List.of(Map.of("number", "+447400" + digits)))
                .create();
        given().when().delete("/v1/customers/" + second).then().statusCode(204);

        given().when()
                .get("/v1/customers/" + first + "/duplicates")
                .then()
                .statusCode(200)
                .body("$", empty());
        assertThat(reportPairs())
                .noneMatch(p -> second.equals(p.get("duplicateId")) || second.equals(p.get("customerId")));
    }

    @Test
    @TestSecurity(
            user = "pk-shop-sync",
            roles = {"customers:read", "customers:write"},
            attributes = @SecurityAttribute(key = "partner_id", value = "pk-shop"))
    void aPartnersNationalNumbersAreReadInItsRegionAndItsReportHoldsOnlyItsCustomers() {
        String digits = sixDigits();
        String first = aCustomer()
                .with("phones", List.of(Map.of("number", "0300 1" + digits)))
                .post()
                .statusCode(201)
                .body("phones[0].number", equalTo("+923001" + digits))
                .body("phones[0].type", equalTo("mobile"))
                .body("phones[0].original", equalTo("0300 1" + digits))
                .extract()
                .<String>path("id");
        String second = aCustomer()
                .with("phones", List.of(Map.of("number", "+92 300 1" + digits)))
                .create();

        given().when()
                .get("/v1/customers/" + first + "/duplicates")
                .then()
                .statusCode(200)
                .body("customerId", contains(second));
        List<Map<String, Object>> pairs = reportPairs();
        assertThat(pairs).isNotEmpty();
        assertThat(pairs)
                .allSatisfy(p -> given().when()
                        .get("/v1/customers/" + p.get("customerId"))
                        .then()
                        .statusCode(200)
                        .body("partnerId", equalTo("pk-shop")));
        given().contentType("application/json")
                .body(aCustomer()
                        .with("phones", List.of(Map.of("number", "12")))
                        .body())
                .when()
                .post("/v1/customers")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("phones[0].number"))
                .body(
                        "errors[0].message",
                        equalTo("must be a phone number: international (+ and country code) or national in PK"));
    }

    @Test
    void graphqlHasTheCandidatesOfEachCustomerAndTheReport() {
        String digits = sixDigits();
        String first = aCustomer()
                .with("phones", List.of(Map.of("number", "+44 7400 " + digits)))
                .create();
        String second = aCustomer()
                .with("phones", List.of(Map.of("number", "+447400" + digits)))
                .create();

        CustomerGraphQLTest.graphql("""
                query($id: ID!) {
                  customer(id: $id) { id phones { number type valid } duplicates { customerId score reasons customer { id } } }
                  duplicateReport(limit: 5) { hasMore data { customerId duplicateId score reasons } }
                }
                """, Map.of("id", first))
                .body("errors", nullValue())
                .body("data.customer.phones[0].type", equalTo("mobile"))
                .body("data.customer.duplicates.customerId", contains(second))
                .body("data.customer.duplicates[0].reasons", contains("phone"))
                .body("data.customer.duplicates[0].customer.id", equalTo(second))
                .body("data.duplicateReport.data", not(empty()));
        CustomerGraphQLTest.graphql(
                        """
                mutation($input: CustomerInput!) { createCustomer(input: $input, onDuplicate: reject) { id } }
                """, Map.of("input", Map.of("phones", List.of(Map.of("number", "+447400" + digits)))))
                .body("data.createCustomer", nullValue())
                .body("errors[0].extensions.code", equalTo("conflict"))
                .body("errors[0].message", containsString(first));
    }

    /** The whole report, page by page. */
    private static List<Map<String, Object>> reportPairs() {
        List<Map<String, Object>> pairs = new ArrayList<>();
        String after = null;
        do {
            var request = given().queryParam("limit", 100);
            if (after != null) {
                request.queryParam("after", after);
            }
            JsonPath page = request.when()
                    .get("/v1/customers/duplicates")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            pairs.addAll(page.getList("data"));
            after = page.getString("nextCursor");
        } while (after != null);
        return pairs;
    }

    private static String sixDigits() {
        return String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
    }
}
