package dev.rapport.platform;

import static dev.rapport.customer.CustomerFixtures.aCustomer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.rapport.customer.CustomerFixtures;
import dev.rapport.platform.config.RapportConfig;
import dev.rapport.platform.security.RolePermissions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

@QuarkusTest
@TestSecurity(user = "partner-sync", roles = "agent", augmentors = RolePermissions.class)
class IdempotencyTest {

    @Inject
    TestClock clock;

    @Inject
    RapportConfig config;

    @Test
    void aRepeatedKeyReplaysTheStoredResponse() {
        Map<String, Object> body = aCustomer().body();
        String key = UUID.randomUUID().toString();

        ExtractableResponse<Response> first = post(key, body).statusCode(201).extract();
        ExtractableResponse<Response> again = post(key, body)
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .extract();

        assertThat(again.body().asString()).isEqualTo(first.body().asString());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        String key = UUID.randomUUID().toString();
        post(key, aCustomer().body()).statusCode(201);
        post(key, aCustomer().body())
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("idempotency-key-reused"));
    }

    @Test
    void aKeyIsForgottenOnceItsTimeToLiveHasPassed() {
        String key = UUID.randomUUID().toString();
        String firstId = post(key, aCustomer().body()).statusCode(201).extract().path("id");
        try {
            clock.advance(config.idempotency().ttl().plusMinutes(1));
            String secondId = post(key, aCustomer().body())
                    .statusCode(201)
                    .header("Idempotent-Replayed", nullValue())
                    .extract()
                    .path("id");
            assertThat(secondId).isNotEqualTo(firstId);
        } finally {
            clock.reset();
        }
    }

    @Test
    void concurrentRequestsWithOneKeyCreateOneRecord() {
        String tag = CustomerFixtures.uniqueTag();
        Map<String, Object> body = aCustomer().with("tags", List.of(tag)).body();
        String key = UUID.randomUUID().toString();

        List<ExtractableResponse<Response>> responses =
                Concurrently.run(5, n -> post(key, body).extract());

        assertThat(responses).extracting(ExtractableResponse::statusCode).containsOnly(201);
        assertThat(responses)
                .extracting(r -> r.jsonPath().getString("id"))
                .containsOnly(responses.get(0).jsonPath().getString("id"));
        given().queryParam("filter", "tags==" + tag)
                .when()
                .get("/v1/customers")
                .then()
                .body("data.size()", equalTo(1));
    }

    @Test
    void aFailedRequestDoesNotConsumeTheKey() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body =
                aCustomer().with("timeZone", "Nowhere/Special").body();
        post(key, body).statusCode(400);
        body.put("timeZone", "Europe/Paris");
        post(key, body).statusCode(201);
    }

    @Test
    void malformedKeysAreRejected() {
        post("has spaces in it", aCustomer().body())
                .statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }

    private static io.restassured.response.ValidatableResponse post(String key, Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .when()
                .post("/v1/customers")
                .then();
    }
}
