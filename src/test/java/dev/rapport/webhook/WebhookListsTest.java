package dev.rapport.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.rapport.platform.security.RolePermissions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

/** Webhook endpoints and their deliveries are listed in pages, like every other list: {data, nextCursor, hasMore}. */
@QuarkusTest
@TestSecurity(user = "mona.manager", roles = "manager", augmentors = RolePermissions.class)
class WebhookListsTest {

    @Test
    void endpointsArePagedNewestFirstWithoutRepeats() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            List<String> mine = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                mine.add(WebhookFixtures.anEndpoint(receiver.url(), "segment.entered")
                        .create());
            }
            try {
                List<String> listed = new ArrayList<>();
                String after = null;
                boolean more = true;
                while (more) {
                    var request = given().queryParam("limit", 2);
                    if (after != null) {
                        request.queryParam("after", after);
                    }
                    JsonPath page = request.when()
                            .get("/v1/webhook-endpoints")
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath();
                    List<String> ids = page.getList("data.id");
                    assertThat(ids).hasSizeLessThanOrEqualTo(2);
                    listed.addAll(ids);
                    more = page.getBoolean("hasMore");
                    after = page.getString("nextCursor");
                    assertThat(after == null).isEqualTo(!more);
                }
                assertThat(listed).doesNotHaveDuplicates();
                assertThat(listed.stream().filter(mine::contains).toList())
                        .containsExactly(mine.get(2), mine.get(1), mine.get(0));
            } finally {
                mine.forEach(id -> given().when()
                        .delete("/v1/webhook-endpoints/" + id)
                        .then()
                        .statusCode(204));
            }
        }
    }

    @Test
    void deliveriesArePagedNewestFirst() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String id = WebhookFixtures.anEndpoint(receiver.url(), "segment.entered")
                    .create();
            try {
                List<String> sent = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    sent.add(given().when()
                            .post("/v1/webhook-endpoints/" + id + "/test")
                            .then()
                            .statusCode(202)
                            .extract()
                            .path("id"));
                }
                JsonPath first = given().queryParam("limit", 2)
                        .when()
                        .get("/v1/webhook-endpoints/" + id + "/deliveries")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
                assertThat(first.getList("data.id")).containsExactly(sent.get(2), sent.get(1));
                assertThat(first.getBoolean("hasMore")).isTrue();
                JsonPath second = given().queryParam("limit", 2)
                        .queryParam("after", first.getString("nextCursor"))
                        .when()
                        .get("/v1/webhook-endpoints/" + id + "/deliveries")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
                assertThat(second.getList("data.id")).containsExactly(sent.get(0));
                assertThat(second.getBoolean("hasMore")).isFalse();
                assertThat(second.getString("nextCursor")).isNull();
            } finally {
                given().when().delete("/v1/webhook-endpoints/" + id).then().statusCode(204);
            }
        }
    }
}
