package dev.rapport.platform.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

@QuarkusTest
@TestProfile(RateLimitTest.TightLimits.class)
class RateLimitTest {

    /** Three requests per caller, five for partner-acme, refilled only after an hour: the test is not timing-bound. */
    public static class TightLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "rapport.rate-limit.enabled",
                    "true",
                    "rapport.rate-limit.capacity",
                    "3",
                    "rapport.rate-limit.refill-period",
                    "PT1H",
                    "rapport.rate-limit.clients.\"partner-acme\".capacity",
                    "5",
                    "rapport.rate-limit.clients.\"partner-acme\".refill-period",
                    "PT1H");
        }
    }

    @Test
    @TestSecurity(user = "busy.agent", roles = "agent", augmentors = RolePermissions.class)
    void aCallerOverItsLimitGets429WithRetryAfter() {
        for (int remaining = 2; remaining >= 0; remaining--) {
            given().when()
                    .get("/v1/customers?limit=1")
                    .then()
                    .statusCode(200)
                    .header("RateLimit-Limit", "3")
                    .header("RateLimit-Remaining", String.valueOf(remaining));
        }
        given().when()
                .get("/v1/customers?limit=1")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("code", equalTo("rate-limited"))
                .header("Retry-After", notNullValue())
                .header("RateLimit-Remaining", "0");
    }

    @Test
    @TestSecurity(user = "busy.graphql.agent", roles = "agent", augmentors = RolePermissions.class)
    void graphQLRequestsCountAgainstTheSameLimit() {
        for (int remaining = 2; remaining >= 0; remaining--) {
            graphql().then().statusCode(200).header("RateLimit-Remaining", String.valueOf(remaining));
        }
        graphql()
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("code", equalTo("rate-limited"))
                .header("Retry-After", notNullValue());
    }

    private static io.restassured.response.Response graphql() {
        return given().contentType("application/json")
                .body(Map.of("query", "{ customers(limit: 1) { hasMore } }"))
                .when()
                .post("/graphql");
    }

    @Test
    @TestSecurity(
            user = "service-account-partner-acme",
            roles = "customers:read",
            attributes = {
                @SecurityAttribute(key = "azp", value = "partner-acme"),
                @SecurityAttribute(key = "partner_id", value = "acme")
            })
    void partnerClientsGetTheirConfiguredLimit() {
        given().when().get("/v1/customers?limit=1").then().statusCode(200).header("RateLimit-Limit", "5");
    }
}
