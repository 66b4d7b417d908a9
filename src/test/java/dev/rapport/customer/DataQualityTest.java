package dev.rapport.customer;

import static dev.rapport.customer.CustomerFixtures.aCustomer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.rapport.platform.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

/** The data-quality report counts what each check finds among a partner's live customers, and lists them. */
@QuarkusTest
@TestSecurity(
        user = "dq-shop-sync",
        roles = {"customers:read", "customers:write"},
        attributes = @SecurityAttribute(key = "partner_id", value = "dq-shop"))
class DataQualityTest {

    private static final Map<String, Object> CONSENTED = Map.of("email", Map.of("granted", true));

    @Inject
    Database db;

    @Test
    void eachCheckCountsAndListsWhatItFinds() {
        String digits = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
        String unreachable = aCustomer().with("emails", List.of()).create();
        String invalid = aCustomer()
                .with("phones", List.of(Map.of("number", "+1 200 555 0100")))
                .with("consents", CONSENTED)
                .create();
        String first = aCustomer()
                .with("phones", List.of(Map.of("number", "+44 7400 " + digits)))
                .with("consents", CONSENTED)
                .create();
        String second = aCustomer()
                .with("phones", List.of(Map.of("number", "+447400" + digits)))
                .with("consents", CONSENTED)
                .create();
        String dormant = aCustomer().create();
        db.execute("update customer set updated_at = now() - interval '2 years' where id = cast(? as uuid)", dormant);

        JsonPath report = given().when()
                .get("/v1/data-quality/report")
                .then()
                .statusCode(200)
                .body("customers", equalTo(5))
                .extract()
                .jsonPath();
        assertThat(counts(report))
                .containsEntry("inactive", 1)
                .containsEntry("invalid_phone", 1)
                .containsEntry("no_contact_point", 1)
                .containsEntry("missing_consents", 2)
                .containsEntry("duplicates", 2);

        given().when()
                .get("/v1/data-quality/report/duplicates")
                .then()
                .statusCode(200)
                .body("data.id", containsInAnyOrder(first, second));
        given().when()
                .get("/v1/data-quality/report/missing_consents")
                .then()
                .body("data.id", containsInAnyOrder(unreachable, dormant));
        given().queryParam("inactiveMonths", 36)
                .when()
                .get("/v1/data-quality/report/inactive")
                .then()
                .body("data", org.hamcrest.Matchers.empty());
        given().when().get("/v1/data-quality/report/invalid_phone").then().body("data.id", containsInAnyOrder(invalid));
        given().when().get("/v1/data-quality/report/unknown").then().statusCode(404);
        given().queryParam("inactiveMonths", "twelve")
                .when()
                .get("/v1/data-quality/report/inactive")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("inactiveMonths"));
        given().queryParam("inactiveMonths", 0)
                .when()
                .get("/v1/data-quality/report")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("inactiveMonths"));
    }

    private static Map<String, Integer> counts(JsonPath report) {
        List<Map<String, Object>> checks = report.getList("checks");
        return checks.stream().collect(java.util.stream.Collectors.toMap(c -> (String) c.get("check"), c ->
                (Integer) c.get("count")));
    }
}
