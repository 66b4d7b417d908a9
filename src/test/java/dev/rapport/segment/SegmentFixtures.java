package dev.rapport.segment;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/** Builds segments for tests through the API, and waits for their members to be computed. */
public final class SegmentFixtures {

    static final Duration WAIT = Duration.ofSeconds(20);

    private final Map<String, Object> body = new LinkedHashMap<>();

    private SegmentFixtures() {}

    public static SegmentFixtures aDynamicSegment(String rule) {
        SegmentFixtures fixture = new SegmentFixtures();
        fixture.body.put("name", "Segment " + rule);
        fixture.body.put("kind", "dynamic");
        fixture.body.put("rule", rule);
        return fixture;
    }

    public static SegmentFixtures aStaticSegment() {
        SegmentFixtures fixture = new SegmentFixtures();
        fixture.body.put("name", "A list");
        fixture.body.put("kind", "static");
        return fixture;
    }

    public SegmentFixtures with(String field, Object value) {
        body.put(field, value);
        return this;
    }

    public ValidatableResponse post() {
        return given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/v1/segments")
                .then();
    }

    /** Creates the segment and returns its id, without waiting for its members. */
    public String create() {
        return post().statusCode(201).extract().path("id");
    }

    /** Creates the segment and waits until its members are computed. */
    public String createReady() {
        String id = create();
        awaitReady(id);
        return id;
    }

    /** Waits until the segment is ready and returns it. */
    public static JsonPath awaitReady(String id) {
        return await().atMost(WAIT).until(() -> get(id), segment -> "ready".equals(segment.getString("status")));
    }

    public static JsonPath get(String id) {
        return given().when()
                .get("/v1/segments/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** The ids of the segment's members (first page of 100). */
    public static List<String> memberIds(String id) {
        return given().queryParam("limit", 100)
                .when()
                .get("/v1/segments/" + id + "/members")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("data.customerId");
    }

    /** Waits until the segment's members are exactly {@code expected}. */
    public static void awaitMembers(String id, String... expected) {
        await().atMost(WAIT)
                .until(() -> memberIds(id), ids -> ids.size() == expected.length && ids.containsAll(List.of(expected)));
    }

    /** The segment's history, newest first (first page of 100). */
    public static JsonPath changes(String id) {
        return given().queryParam("limit", 100)
                .when()
                .get("/v1/segments/" + id + "/changes")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    public static void delete(String id) {
        given().when().delete("/v1/segments/" + id).then().statusCode(204);
    }
}
