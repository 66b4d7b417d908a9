package dev.rapport.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class UnexpectedErrorTest {

    @Test
    void aBugAnswersA500ProblemWithTheRequestIdAndNothingInternal() {
        String requestId = "bug-report-42";
        given().header("X-Request-Id", requestId)
                .when()
                .get("/test-only/failure")
                .then()
                .statusCode(500)
                .contentType("application/problem+json")
                .body("code", equalTo("internal-error"))
                .body("requestId", equalTo(requestId))
                .body("detail", containsString(requestId))
                .body(allOf(
                        not(containsString("IllegalStateException")),
                        not(containsString("secret")),
                        not(containsString("dev.rapport")),
                        not(containsString("at "))));
    }
}
