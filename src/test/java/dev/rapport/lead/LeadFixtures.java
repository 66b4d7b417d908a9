package dev.rapport.lead;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.rapport.platform.Database;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Builds leads, pipelines and rules for tests through the API. Rules hold for every lead of their scope, so each test
 * ties its rules to a campaign of its own.
 */
public final class LeadFixtures {

    private final Map<String, Object> body = new LinkedHashMap<>();

    private LeadFixtures() {}

    public static LeadFixtures aLead(String campaign) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        LeadFixtures fixture = new LeadFixtures();
        fixture.body.put("givenName", "Peter");
        fixture.body.put("familyName", "Gibbons");
        fixture.body.put("email", "peter." + unique + "@initech.example");
        fixture.body.put("source", "web_form");
        fixture.body.put("campaign", campaign);
        return fixture;
    }

    /** Eight digits no other test's phone numbers share, for a London number such as +44 20 dddd dddd. */
    public static String uniqueDigits() {
        return String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
    }

    public LeadFixtures with(String field, Object value) {
        body.put(field, value);
        return this;
    }

    public ValidatableResponse post() {
        return given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/v1/leads")
                .then();
    }

    public String create() {
        return post().statusCode(201).extract().path("id");
    }

    public static ValidatableResponse patch(String leadId, Map<String, Object> patch) {
        return given().contentType("application/merge-patch+json")
                .body(patch)
                .when()
                .patch("/v1/leads/" + leadId)
                .then();
    }

    public static ValidatableResponse moveTo(String leadId, String stage) {
        return patch(leadId, Map.of("stage", stage));
    }

    public static ValidatableResponse note(String leadId, String type, String body) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("type", type, "body", body))
                .when()
                .post("/v1/leads/" + leadId + "/notes")
                .then();
    }

    public static ValidatableResponse convert(String leadId, Map<String, Object> request) {
        return given().contentType(ContentType.JSON)
                .body(request)
                .when()
                .post("/v1/leads/" + leadId + "/convert")
                .then();
    }

    public static String scoringRule(String name, String condition, int points) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", name, "condition", condition, "points", points))
                .when()
                .post("/v1/lead-scoring-rules")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static ValidatableResponse assignmentRule(Map<String, Object> rule) {
        return given().contentType(ContentType.JSON)
                .body(rule)
                .when()
                .post("/v1/lead-assignment-rules")
                .then();
    }

    /** A pipeline with the stages given as key, probability and category triples, in order. */
    public static String pipeline(String name, List<List<Object>> stages) {
        List<Map<String, Object>> items = stages.stream()
                .map(s -> Map.<String, Object>of(
                        "key", s.get(0), "name", s.get(0).toString(), "probability", s.get(1), "category", s.get(2)))
                .toList();
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", name, "stages", items))
                .when()
                .post("/v1/pipelines")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** The types of the events about a lead, in log order. */
    public static List<String> eventTypes(Database database, String leadId) {
        String types = database.string(
                "select string_agg(type, ',' order by seq) from event where subject_id = cast(? as uuid)", leadId);
        return types == null ? List.of() : List.of(types.split(","));
    }

    /** The data of the last event of {@code type} about a lead, as JSON text. */
    public static String lastEvent(Database database, String leadId, String type) {
        return database.string(
                "select cast(payload as text) from event where subject_id = cast(? as uuid) and type = ?"
                        + " order by seq desc limit 1",
                leadId,
                type);
    }
}
