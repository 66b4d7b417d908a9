package dev.rapport.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.rapport.platform.security.RolePermissions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/**
 * The public /q/metrics labels requests by route template, whatever their status: a path with a record id never
 * becomes a label value, so the metrics neither reveal which ids were asked for nor grow with every id.
 */
@QuarkusTest
class MetricsLabelsTest {

    @Test
    void requestsRefusedWithoutATokenAreLabelledByTemplateOrUnknown() {
        String id = UUID.randomUUID().toString();
        given().when().get("/v1/customers/" + id).then().statusCode(401);
        // No route matches these: the authentication check refuses them before anything knows a template.
        given().when().get("/v1/customers/" + id + "/nothing").then().statusCode(401);
        given().when().delete("/v1/nothing/" + id).then().statusCode(401);

        assertThat(metrics()).doesNotContain(id);
        assertThat(requestLines("401"))
                .anySatisfy(line -> assertThat(line).contains("uri=\"/v1/customers/{id}\""))
                .anySatisfy(line -> assertThat(line).contains("uri=\"UNKNOWN\""))
                .allSatisfy(line -> assertThat(line).containsAnyOf("uri=\"UNKNOWN\"", "{"));
    }

    @Test
    @TestSecurity(user = "agent-alice", roles = "agent", augmentors = RolePermissions.class)
    void missingRecordsAndRoutesAreLabelledByTemplateOrNotFound() {
        String id = UUID.randomUUID().toString();
        given().when().get("/v1/customers/" + id).then().statusCode(404);
        given().when().get("/v1/nothing/" + id).then().statusCode(404);

        assertThat(metrics()).doesNotContain(id);
        assertThat(requestLines("404"))
                .anySatisfy(line -> assertThat(line).contains("uri=\"/v1/customers/{id}\""))
                .anySatisfy(line -> assertThat(line).contains("uri=\"NOT_FOUND\""))
                .allSatisfy(line -> assertThat(line).containsAnyOf("uri=\"NOT_FOUND\"", "{"));
    }

    /** The request counters of responses with {@code status}. */
    private static List<String> requestLines(String status) {
        return metrics()
                .lines()
                .filter(line -> line.startsWith("http_server_requests_seconds_count{")
                        && line.contains("status=\"" + status + "\""))
                .toList();
    }

    private static String metrics() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
