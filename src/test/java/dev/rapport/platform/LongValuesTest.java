package dev.rapport.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import dev.rapport.customer.CustomerFixtures;
import dev.rapport.platform.security.RolePermissions;
import dev.rapport.webhook.WebhookFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/**
 * Values far longer than any valid one are refused as bad input: the patterns that check them are bounded, so a
 * long value cannot overflow the stack (a 500 before).
 */
@QuarkusTest
@TestSecurity(user = "mona.manager", roles = "manager", augmentors = RolePermissions.class)
class LongValuesTest {

    @Test
    void aLongEventTypePatternIsAnInvalidFeedParameter() {
        given().queryParam("types", "customer" + ".created".repeat(400))
                .when()
                .get("/v1/events")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("validation-failed"))
                .body("errors.field", hasItem("types"));
    }

    @Test
    void aLongEventTypePatternOfAWebhookEndpointIsInvalid() {
        WebhookFixtures.anEndpoint("https://hooks.example.com/rapport", "customer" + ".created".repeat(400))
                .post()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("validation-failed"));
    }

    @Test
    void aLongLocaleIsInvalid() {
        CustomerFixtures.aCustomer()
                .with("locale", "en" + "-abcdefgh".repeat(3_500))
                .post()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("validation-failed"))
                .body("errors.field", hasItem("locale"));
    }
}
