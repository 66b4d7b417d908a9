package dev.rapport.lead;

import static dev.rapport.customer.CustomerFixtures.aCustomer;
import static dev.rapport.customer.CustomerFixtures.uniqueTag;
import static dev.rapport.lead.LeadFixtures.aLead;
import static dev.rapport.lead.LeadFixtures.convert;
import static dev.rapport.lead.LeadFixtures.eventTypes;
import static dev.rapport.lead.LeadFixtures.lastEvent;
import static dev.rapport.lead.LeadFixtures.moveTo;
import static dev.rapport.lead.LeadFixtures.note;
import static dev.rapport.lead.LeadFixtures.scoringRule;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.rapport.platform.Concurrently;
import dev.rapport.platform.Database;
import dev.rapport.platform.TestClock;
import dev.rapport.platform.security.RolePermissions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A lead's life through the API: captured, scored, assigned, moved through stages with notes, converted; and what
 * is refused on the way.
 */
@QuarkusTest
@TestSecurity(user = "mona.manager", roles = "manager", augmentors = RolePermissions.class)
class LeadResourceTest {

    @Inject
    Database database;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aLeadIsCapturedScoredAssignedMovedWithNotesAndConvertedToANewCustomer() {
        String campaign = uniqueTag();
        String referral = scoringRule("Referral", "campaign==" + campaign + ";source==referral", 20);
        String large =
                scoringRule("Large company", "campaign==" + campaign + ";company.size=in=(201-1000,1001-5000)", 15);
        String engaged = scoringRule("Engaged", "campaign==" + campaign + ";" + LeadFields.RECENT_NOTES + "=ge=2", 10);
        String spam = scoringRule("Spam", "campaign==" + campaign + ";tags==spam", -30);
        LeadFixtures.assignmentRule(Map.of(
                        "name",
                        "Fixed " + campaign,
                        "condition",
                        "campaign==" + campaign,
                        "ownerId",
                        "sam." + campaign))
                .statusCode(201);

        String digits = LeadFixtures.uniqueDigits();
        JsonPath created = aLead(campaign)
                .with("source", "referral")
                .with("tags", List.of(campaign))
                .with("phone", "+44 20 " + digits.substring(0, 4) + " " + digits.substring(4))
                .with("company", Map.of("name", "Initech", "size", "201-1000", "industry", "software"))
                .with("estimatedValue", 12000)
                .with("currency", "EUR")
                .with("utm", Map.of("source", "newsletter", "medium", "email"))
                .post()
                .statusCode(201)
                .header("ETag", notNullValue())
                .body("pipelineId", equalTo("00000000-0000-7000-8000-00000000a001"))
                .body("stage", equalTo("new"))
                .body("stageCategory", equalTo("open"))
                .body("phone", equalTo("+4420" + digits))
                .body("score", equalTo(35))
                .body("ownerId", equalTo("sam." + campaign))
                .body("estimatedValue", equalTo(12000.00f))
                .extract()
                .jsonPath();
        String lead = created.getString("id");
        assertThat(eventTypes(database, lead)).containsExactly("lead.created", "lead.assigned");

        JsonPath score = given().when()
                .get("/v1/leads/" + lead + "/score")
                .then()
                .statusCode(200)
                .body("score", equalTo(35))
                .body("current", equalTo(35))
                .extract()
                .jsonPath();
        Map<String, Integer> contributed = contributions(score);
        assertThat(contributed)
                .containsEntry(referral, 20)
                .containsEntry(large, 15)
                .containsEntry(engaged, 0);
        assertThat(contributed).containsEntry(spam, 0);

        clock.advance(Duration.ofHours(2));
        note(lead, "call", "Asked for a demo").statusCode(201).body("author", equalTo("mona.manager"));
        moveTo(lead, "contacted")
                .statusCode(200)
                .body("stage", equalTo("contacted"))
                .body("score", equalTo(35));
        clock.advance(Duration.ofHours(1));
        note(lead, "meeting", "Demo given").statusCode(201);
        given().when()
                .get("/v1/leads/" + lead)
                .then()
                .body("score", equalTo(45))
                .body("noteCount", equalTo(2));
        assertThat(lastEvent(database, lead, "lead.score_changed"))
                .contains("\"previous\": 35")
                .contains("\"score\": 45")
                .contains(engaged);
        moveTo(lead, "qualified").statusCode(200);

        given().when()
                .get("/v1/leads/" + lead + "/notes")
                .then()
                .statusCode(200)
                .body("data.type", contains("meeting", "call"));
        JsonPath history = given().when()
                .get("/v1/leads/" + lead + "/history")
                .then()
                .statusCode(200)
                .body("data.stage", contains("new", "contacted", "qualified"))
                .body("data[0].nextStage", equalTo("contacted"))
                .body("data[2].leftAt", nullValue())
                .extract()
                .jsonPath();
        assertThat(history.getLong("data[0].seconds")).isBetween(7200L, 7210L);
        assertThat(history.getLong("data[1].seconds")).isBetween(3600L, 3610L);
        assertThat(lastEvent(database, lead, "lead.stage_changed"))
                .contains("\"from\": \"contacted\"")
                .contains("\"to\": \"qualified\"");

        JsonPath conversion = convert(lead, Map.of())
                .statusCode(200)
                .body("outcome", equalTo("created"))
                .body("matchedBy", equalTo("new"))
                .body("lead.stage", equalTo("converted"))
                .body("lead.stageCategory", equalTo("won"))
                .body("customer.givenName", equalTo("Peter"))
                .body("customer.phones[0].number", equalTo("+4420" + digits))
                .body("customer.ownerId", equalTo("sam." + campaign))
                .extract()
                .jsonPath();
        String customer = conversion.getString("customer.id");
        assertThat(conversion.getString("lead.customerId")).isEqualTo(customer);
        assertThat(lastEvent(database, lead, "lead.converted"))
                .contains(customer)
                .contains(lead)
                .contains("\"outcome\": \"created\"");
        given().when()
                .get("/v1/customers/" + customer + "/interactions")
                .then()
                .statusCode(200)
                .body("data.type", contains("meeting", "call"))
                .body("data.touchpoint", contains("lead", "lead"));
        given().queryParam("expand", "lead")
                .when()
                .get("/v1/customers/" + customer)
                .then()
                .statusCode(200)
                .body("lead.leadId", equalTo(lead))
                .body("lead.source", equalTo("referral"));

        given().queryParam("filter", "tags==" + campaign + ";leadSource==referral;leadCampaign==" + campaign)
                .when()
                .get("/v1/customers")
                .then()
                .statusCode(200)
                .body("data.id", contains(customer));

        convert(lead, Map.of()).statusCode(409).body("detail", org.hamcrest.Matchers.containsString(customer));
        moveTo(lead, "qualified").statusCode(409);
        note(lead, "note", "Signed the contract").statusCode(201);
        given().when().get("/v1/customers/" + customer + "/interactions").then().body("data", hasSize(3));
    }

    @Test
    void aLeadWhosePhoneMatchesACustomerInAnotherFormatIsLinkedToThatCustomer() {
        String digits = LeadFixtures.uniqueDigits();
        String existing = aCustomer()
                .with(
                        "phones",
                        List.of(Map.of("number", "+44 20 " + digits.substring(0, 4) + " " + digits.substring(4))))
                .create();
        String lead = aLead(uniqueTag())
                .with("phone", "0044 (20) " + digits.substring(0, 4) + "-" + digits.substring(4))
                .create();

        convert(lead, Map.of())
                .statusCode(200)
                .body("outcome", equalTo("linked"))
                .body("matchedBy", equalTo("phone"))
                .body("customer.id", equalTo(existing))
                .body("lead.customerId", equalTo(existing));
        assertThat(lastEvent(database, lead, "lead.converted"))
                .contains(existing)
                .contains("\"matchedBy\": \"phone\"");
    }

    @Test
    void aConversionNamesTheCustomerItLinksToOrMatchesByEmailAndARepeatWithItsKeyIsTheSameAnswer() {
        String byEmail = aCustomer()
                .email("joanna." + uniqueTag() + "@chotchkies.example")
                .create();
        String address =
                given().when().get("/v1/customers/" + byEmail).then().extract().path("emails[0].address");
        String lead = aLead(uniqueTag()).with("email", address.toUpperCase()).create();
        String key = "convert-" + uniqueTag();
        String first = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(Map.of())
                .when()
                .post("/v1/leads/" + lead + "/convert")
                .then()
                .statusCode(200)
                .body("matchedBy", equalTo("email"))
                .body("customer.id", equalTo(byEmail))
                .extract()
                .asString();
        String repeat = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(Map.of())
                .when()
                .post("/v1/leads/" + lead + "/convert")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(repeat).isEqualTo(first);

        String named = aCustomer().create();
        String other = aLead(uniqueTag()).create();
        convert(other, Map.of("customerId", named))
                .statusCode(200)
                .body("matchedBy", equalTo("requested"))
                .body("customer.id", equalTo(named));
    }

    @Test
    void roundRobinGivesConcurrentLeadsToThePoolInTurn() {
        String campaign = uniqueTag();
        List<String> pool = List.of("ana." + campaign, "ben." + campaign, "cy." + campaign);
        LeadFixtures.assignmentRule(
                        Map.of("name", "Pool " + campaign, "condition", "campaign==" + campaign, "pool", pool))
                .statusCode(201)
                .body("pool", equalTo(pool));

        List<String> owners = Concurrently.run(
                9, i -> aLead(campaign).post().statusCode(201).extract().path("ownerId"));

        Map<String, Long> perOwner =
                owners.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(perOwner)
                .containsOnlyKeys(pool)
                .allSatisfy((owner, count) -> assertThat(count).isEqualTo(3L));
        String named = aLead(campaign)
                .with("ownerId", "dee." + campaign)
                .post()
                .statusCode(201)
                .extract()
                .path("ownerId");
        assertThat(named).isEqualTo("dee." + campaign);
    }

    @Test
    void aLostStageNeedsAReasonAndAppendsLeadLost() {
        String lead = aLead(uniqueTag()).create();
        moveTo(lead, "disqualified").statusCode(400).body("errors.field", hasItem("lostReason"));
        LeadFixtures.patch(lead, Map.of("stage", "disqualified", "lostReason", "no budget"))
                .statusCode(200)
                .body("stageCategory", equalTo("lost"))
                .body("lostReason", equalTo("no budget"));
        assertThat(lastEvent(database, lead, "lead.lost")).contains("no budget");
        convert(lead, Map.of()).statusCode(409);
        moveTo(lead, "contacted").statusCode(200).body("lostReason", nullValue());
    }

    @Test
    void everyBadInputIsAProblemNamingTheField() {
        String campaign = uniqueTag();
        String other = LeadFixtures.pipeline(
                "Partners " + campaign, List.of(List.of("intro", 10, "open"), List.of("signed", 100, "won")));
        String lead = aLead(campaign).create();

        moveTo(lead, "negotiation").statusCode(400).body("errors.field", hasItem("stage"));
        moveTo(lead, "intro").statusCode(400).body("errors[0].message", org.hamcrest.Matchers.containsString("Sales"));
        moveTo(lead, "converted").statusCode(409).body("detail", org.hamcrest.Matchers.containsString("convert"));
        LeadFixtures.patch(lead, Map.of("pipelineId", other))
                .statusCode(200)
                .body("pipelineId", equalTo(other))
                .body("stage", equalTo("intro"));
        convert(lead, Map.of("stage", "intro")).statusCode(400).body("errors.field", hasItem("stage"));

        aLead(campaign).with("phone", "12345").post().statusCode(400).body("errors.field", hasItem("phone"));
        aLead(campaign).with("source", "carrier_pigeon").post().statusCode(400).body("errors.field", hasItem("source"));
        aLead(campaign).with("currency", "EUR").post().statusCode(400).body("errors.field", hasItem("estimatedValue"));
        aLead(campaign)
                .with("estimatedValue", "10.123")
                .with("currency", "EUR")
                .post()
                .statusCode(400)
                .body("errors.field", hasItem("estimatedValue"));
        aLead(campaign)
                .with("pipelineId", "00000000-0000-7000-8000-00000000ffff")
                .post()
                .statusCode(400)
                .body("errors.field", hasItem("pipelineId"));
        aLead(campaign).with("stage", "converted").post().statusCode(409);
        given().contentType(ContentType.JSON)
                .body(Map.of("source", "ads"))
                .when()
                .post("/v1/leads")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("email"));
        note(lead, "fax", "Sent a fax").statusCode(400).body("errors.field", hasItem("type"));

        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Broken", "condition", "unknownField==1", "points", 5))
                .when()
                .post("/v1/lead-scoring-rules")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("condition"));
        LeadFixtures.assignmentRule(Map.of("name", "Both", "ownerId", "x", "pool", List.of("y")))
                .statusCode(400)
                .body("errors.field", hasItem("ownerId"));
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "Only open",
                        "stages",
                        List.of(Map.of("key", "a", "name", "A", "probability", 10, "category", "open"))))
                .when()
                .post("/v1/pipelines")
                .then()
                .statusCode(400);
        given().contentType("application/merge-patch+json")
                .body(Map.of(
                        "stages",
                        List.of(
                                Map.of("key", "signed", "name", "Signed", "probability", 100, "category", "won"),
                                Map.of("key", "later", "name", "Later", "probability", 5, "category", "open"))))
                .when()
                .patch("/v1/pipelines/" + other)
                .then()
                .statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("intro"));
        given().when().delete("/v1/pipelines/" + other).then().statusCode(409);
        given().when()
                .delete("/v1/pipelines/00000000-0000-7000-8000-00000000a001")
                .then()
                .statusCode(409);
    }

    @Test
    void listsFilterSortAndSearchLeadsAndAPartnerSeesOnlyItsOwn() {
        String campaign = uniqueTag();
        String small = aLead(campaign)
                .with("company", Map.of("name", "Penetrode " + campaign))
                .create();
        String big = aLead(campaign).with("source", "ads").create();
        scoringRule("Ads " + campaign, "campaign==" + campaign + ";source==ads", 40);
        LeadFixtures.patch(big, Map.of("tags", List.of("hot"))).statusCode(200).body("score", equalTo(40));

        given().queryParam("filter", "campaign==" + campaign + ";score=ge=10")
                .when()
                .get("/v1/leads")
                .then()
                .statusCode(200)
                .body("data.id", contains(big));
        given().queryParam("filter", "campaign==" + campaign)
                .queryParam("sort", "score")
                .when()
                .get("/v1/leads")
                .then()
                .body("data.id", contains(small, big));
        given().queryParam("q", "penetrode " + campaign)
                .when()
                .get("/v1/leads")
                .then()
                .body("data.id", contains(small));
        given().queryParam("filter", "nope==1").when().get("/v1/leads").then().statusCode(400);

        String etag = given().when().get("/v1/leads/" + small).then().extract().header("ETag");
        given().header("If-None-Match", etag)
                .when()
                .get("/v1/leads/" + small)
                .then()
                .statusCode(304);
        given().contentType("application/merge-patch+json")
                .header("If-Match", "\"999\"")
                .body(Map.of("campaign", "x"))
                .when()
                .patch("/v1/leads/" + small)
                .then()
                .statusCode(412);
    }

    @Test
    @TestSecurity(
            user = "globex-sales",
            roles = {"leads:read", "leads:write", "leads:manage"},
            attributes = @io.quarkus.test.security.SecurityAttribute(key = "partner_id", value = "globex-leads"))
    void anotherPartnersLeadsAreAsAbsentAsMissingOnesAndInHousePipelinesAreUsedNotChanged() {
        String campaign = uniqueTag();
        String lead = aLead(campaign).create();
        String other = aLead(campaign).create();
        given().when().get("/v1/leads/" + lead).then().statusCode(200).body("partnerId", equalTo("globex-leads"));
        database.execute("update lead set partner_id = 'initech-leads' where id = cast(? as uuid)", other);
        given().when().get("/v1/leads/" + other).then().statusCode(404);
        note(other, "note", "Not yours").statusCode(404);
        moveTo(other, "contacted").statusCode(404);
        given().queryParam("filter", "campaign==" + campaign)
                .when()
                .get("/v1/leads")
                .then()
                .body("data.id", contains(lead));
        given().contentType("application/merge-patch+json")
                .body(Map.of("name", "Mine now"))
                .when()
                .patch("/v1/pipelines/00000000-0000-7000-8000-00000000a001")
                .then()
                .statusCode(403);
        convert(lead, Map.of()).statusCode(403).body("detail", org.hamcrest.Matchers.containsString("customers:write"));
    }

    private static Map<String, Integer> contributions(JsonPath score) {
        List<Map<String, Object>> rules = score.getList("rules");
        return rules.stream()
                .collect(Collectors.toMap(r -> (String) r.get("ruleId"), r -> (Integer) r.get("contributed")));
    }
}
