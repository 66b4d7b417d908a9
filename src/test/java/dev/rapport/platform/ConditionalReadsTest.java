package dev.rapport.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.rapport.customer.CustomerFixtures;
import dev.rapport.lead.LeadFixtures;
import dev.rapport.platform.security.RolePermissions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/** Every read that answers with an ETag answers 304, without a body, to If-None-Match holding it. */
@QuarkusTest
@TestSecurity(user = "manager-mia", roles = "manager", augmentors = RolePermissions.class)
class ConditionalReadsTest {

    @Test
    void aReadWithAnETagIsNotSentAgainWhileItHasNotChanged() {
        String pipeline = LeadFixtures.pipeline(
                "Conditional " + CustomerFixtures.uniqueTag(),
                List.of(List.of("new", 10, "open"), List.of("won", 100, "won"), List.of("lost", 0, "lost")));
        String path = "/v1/pipelines/" + pipeline;
        String etag = given().get(path).then().statusCode(200).extract().header("ETag");
        assertThat(etag).isNotBlank();

        given().header("If-None-Match", etag)
                .get(path)
                .then()
                .statusCode(304)
                .header("ETag", etag)
                .body(emptyString());
        given().header("If-None-Match", "W/" + etag).get(path).then().statusCode(304);
        given().header("If-None-Match", "\"other\", " + etag).get(path).then().statusCode(304);
        given().header("If-None-Match", "*").get(path).then().statusCode(304);
        given().header("If-None-Match", "\"other\"")
                .get(path)
                .then()
                .statusCode(200)
                .header("ETag", etag);

        String changed = given().contentType("application/merge-patch+json")
                .body(Map.of("name", "Renamed " + CustomerFixtures.uniqueTag()))
                .patch(path)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        assertThat(changed).isNotEqualTo(etag);
        given().header("If-None-Match", etag)
                .get(path)
                .then()
                .statusCode(200)
                .header("ETag", changed)
                .body("id", equalTo(pipeline));
        // a read that fails is not turned into 304
        given().header("If-None-Match", "*")
                .get("/v1/pipelines/" + java.util.UUID.randomUUID())
                .then()
                .statusCode(404);
    }
}
