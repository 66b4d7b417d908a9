package dev.rapport.automation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/** Builds triggers for tests through the API, and waits for their runs. */
public final class TriggerFixtures {

    static final Duration WAIT = Duration.ofSeconds(20);

    private final Map<String, Object> body = new LinkedHashMap<>();
    private final List<Map<String, Object>> actions = new ArrayList<>();

    private TriggerFixtures() {}

    public static TriggerFixtures anEventTrigger(String... eventTypes) {
        TriggerFixtures fixture = new TriggerFixtures();
        fixture.body.put("name", "On " + String.join(", ", eventTypes));
        fixture.body.put("kind", "event");
        fixture.body.put("eventTypes", List.of(eventTypes));
        return fixture;
    }

    public static TriggerFixtures aDateTrigger(String field, String localTime) {
        TriggerFixtures fixture = new TriggerFixtures();
        fixture.body.put("name", "On " + field);
        fixture.body.put("kind", "date");
        fixture.body.put("date", Map.of("field", field, "localTime", localTime));
        return fixture;
    }

    public static TriggerFixtures aScheduleTrigger(String cron, String timeZone, String segmentId) {
        TriggerFixtures fixture = new TriggerFixtures();
        fixture.body.put("name", "At " + cron);
        fixture.body.put("kind", "schedule");
        fixture.body.put("schedule", Map.of("cron", cron, "timeZone", timeZone, "segmentId", segmentId));
        return fixture;
    }

    public TriggerFixtures with(String field, Object value) {
        body.put(field, value);
        return this;
    }

    public TriggerFixtures action(String type, Map<String, Object> settings) {
        actions.add(Map.of("type", type, "settings", settings));
        return this;
    }

    public ValidatableResponse post() {
        body.put("actions", actions);
        return given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/v1/triggers")
                .then();
    }

    public String create() {
        return post().statusCode(201).extract().path("id");
    }

    public static JsonPath get(String trigger) {
        return given().when()
                .get("/v1/triggers/" + trigger)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /**
     * Disables every trigger, after a test: the next tests' events and the calendar then fire nothing left behind
     * (and the SQL they would run is no noise in tests that count statements).
     */
    public static void disableAll(dev.rapport.platform.Database db) {
        db.execute("update automation_trigger set enabled = false where enabled");
    }

    /** The trigger's runs, newest first (one page of 100). */
    public static JsonPath runs(String trigger) {
        return given().queryParam("limit", 100)
                .when()
                .get("/v1/triggers/" + trigger + "/runs")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Waits until the trigger's runs satisfy {@code done}, and returns them. */
    public static JsonPath awaitRuns(String trigger, Predicate<JsonPath> done) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = runs(trigger);
            return done.test(last[0]);
        });
        return last[0];
    }

    /** Waits until the trigger has {@code count} runs, none of them running, and returns them. */
    public static JsonPath awaitFinishedRuns(String trigger, int count) {
        return awaitRuns(
                trigger,
                runs -> runs.getList("data").size() == count
                        && !runs.getList("data.status").contains("running"));
    }
}
