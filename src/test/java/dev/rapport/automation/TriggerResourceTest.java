package dev.rapport.automation;

import static dev.rapport.automation.TriggerFixtures.anEventTrigger;
import static dev.rapport.customer.CustomerFixtures.aCustomer;
import static dev.rapport.customer.CustomerFixtures.uniqueTag;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.rapport.platform.Database;
import dev.rapport.platform.security.RolePermissions;
import dev.rapport.segment.SegmentFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Defining, reading, changing, testing and deleting triggers; every bad definition says what is wrong. */
@QuarkusTest
@TestSecurity(user = "mona.manager", roles = "manager", augmentors = RolePermissions.class)
class TriggerResourceTest {

    @Inject
    Database database;

    @AfterEach
    void disableTriggers() {
        TriggerFixtures.disableAll(database);
    }

    @Test
    void aTriggerIsCreatedReadChangedAndDeletedWithItsEvents() {
        String trigger = anEventTrigger("purchase.recorded")
                .with("name", "Thank big spenders")
                .with("condition", "data.amount=ge=100")
                .action("addTags", Map.of("tags", List.of("big-spender")))
                .create();

        JsonPath read = TriggerFixtures.get(trigger);
        assertThat(read.getString("name")).isEqualTo("Thank big spenders");
        assertThat(read.getString("kind")).isEqualTo("event");
        assertThat(read.getBoolean("enabled")).isTrue();
        assertThat(read.getList("actions.type")).containsExactly("addTags");
        assertThat(read.getList("actions[0].settings.tags")).containsExactly("big-spender");
        given().when().get("/v1/triggers").then().statusCode(200).body("data.id", hasItem(trigger));

        String etag = given().get("/v1/triggers/" + trigger).header("ETag");
        given().contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body(Map.of("enabled", false))
                .when()
                .patch("/v1/triggers/" + trigger)
                .then()
                .statusCode(200)
                .body("enabled", equalTo(false))
                .body("version", equalTo(1));
        given().contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body(Map.of("enabled", true))
                .when()
                .patch("/v1/triggers/" + trigger)
                .then()
                .statusCode(412);
        given().contentType("application/merge-patch+json")
                .body(Map.of("kind", "date"))
                .when()
                .patch("/v1/triggers/" + trigger)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("kind"));

        given().when().delete("/v1/triggers/" + trigger).then().statusCode(204);
        given().when().get("/v1/triggers/" + trigger).then().statusCode(404);
        given().queryParam("types", "trigger.*")
                .queryParam("limit", 100)
                .when()
                .get("/v1/events")
                .then()
                .statusCode(200)
                .body(
                        "data.findAll { it.subjectId == '" + trigger + "' }.type",
                        hasItems("trigger.created", "trigger.updated", "trigger.deleted"));
    }

    @Test
    void everyBadDefinitionIsAProblemNamingWhatIsWrong() {
        problem(
                anEventTrigger("purchase.recorded").action("sendFax", Map.of()),
                "actions[0].type",
                "known are addTags");
        problem(
                anEventTrigger("purchase.recorded").action("addTags", Map.of("tags", List.of("no spaces"))),
                "actions[0].settings.tags[0]",
                "letters");
        problem(
                anEventTrigger("purchase.recorded").action("addTags", Map.of("tag", "vip")),
                "actions[0].settings.tag",
                "not a setting");
        problem(
                anEventTrigger("purchase.recorded").action("assignOwner", Map.of()),
                "actions[0].settings.ownerId",
                "either");
        problem(
                anEventTrigger("purchase.recorded").action("addToSegment", Map.of("segmentId", "nope")),
                "actions[0].settings.segmentId",
                "id");
        String dynamic = SegmentFixtures.aDynamicSegment("tags==x").create();
        problem(
                anEventTrigger("purchase.recorded").action("addToSegment", Map.of("segmentId", dynamic)),
                "actions[0].settings.segmentId",
                "dynamic");
        problem(
                anEventTrigger("purchase.recorded")
                        .with("condition", "shoeSize==42")
                        .action("webhook", Map.of()),
                "condition",
                "shoeSize");
        problem(
                anEventTrigger("purchase.recorded").with("condition", "tags==").action("webhook", Map.of()),
                "condition",
                "");
        problem(
                anEventTrigger("purchase.recorded")
                        .with("frequencyCap", Map.of("count", 1, "period", "P2Y"))
                        .action("webhook", Map.of()),
                "frequencyCap.period",
                "ISO-8601");
        problem(anEventTrigger("Purchase Recorded").action("webhook", Map.of()), "eventTypes[0]", "event type");
        problem(anEventTrigger().action("webhook", Map.of()), "eventTypes", "event types");
        problem(
                TriggerFixtures.aDateTrigger("shoeSize", "09:00").action("webhook", Map.of()),
                "date.field",
                "birthday");
        problem(TriggerFixtures.aDateTrigger("birthday", "9am").action("webhook", Map.of()), "date.localTime", "HH:mm");
        problem(anEventTrigger("purchase.recorded"), "actions", "");
        problem(
                anEventTrigger("purchase.recorded").action("webhook", Map.of()).action("webhook", Map.of()),
                "actions[1].type",
                "at most one");
    }

    @Test
    void aTestSaysWhichConditionsHoldAndWhatEachActionWouldDoChangingNothing() {
        String tag = uniqueTag();
        String customer = aCustomer().with("tags", List.of(tag)).create();
        String trigger = anEventTrigger("purchase.*")
                .with("condition", "tags==" + tag + ";data.amount=ge=100")
                .action("addTags", Map.of("tags", List.of("big-spender")))
                .action("webhook", Map.of())
                .create();

        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "event",
                        Map.of(
                                "type",
                                "purchase.recorded",
                                "customerId",
                                customer,
                                "data",
                                Map.of("amount", 150, "currency", "EUR"))))
                .when()
                .post("/v1/triggers/" + trigger + "/test")
                .then()
                .statusCode(200)
                .body("fires", equalTo(true))
                .body("conditionsHeld", equalTo(List.of("tags==" + tag, "data.amount=ge=100")))
                .body("actions.type", equalTo(List.of("addTags", "webhook")))
                .body("actions[0].wouldDo", equalTo("would add tags [big-spender]"));

        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "event",
                        Map.of("type", "purchase.recorded", "customerId", customer, "data", Map.of("amount", 5))))
                .when()
                .post("/v1/triggers/" + trigger + "/test")
                .then()
                .statusCode(200)
                .body("fires", equalTo(false))
                .body("reason", equalTo("the condition does not hold"))
                .body("conditionsFailed", equalTo(List.of("data.amount=ge=100")));

        given().contentType(ContentType.JSON)
                .body(Map.of("event", Map.of("type", "customer.updated", "customerId", customer)))
                .when()
                .post("/v1/triggers/" + trigger + "/test")
                .then()
                .statusCode(200)
                .body("fires", equalTo(false))
                .body("reason", containsString("not customer.updated"));

        given().contentType(ContentType.JSON)
                .body(Map.of())
                .when()
                .post("/v1/triggers/" + trigger + "/test")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("eventId"));

        assertThat(TriggerFixtures.runs(trigger).getList("data")).isEmpty();
        assertThat(given().get("/v1/customers/" + customer).jsonPath().getList("tags"))
                .containsExactly(tag);
    }

    @Test
    @TestSecurity(user = "ann.analyst", roles = "analyst", augmentors = RolePermissions.class)
    void analystsReadTriggersButDoNotDefineThem() {
        given().when().get("/v1/triggers").then().statusCode(200);
        anEventTrigger("purchase.recorded").action("webhook", Map.of()).post().statusCode(403);
    }

    @Test
    @TestSecurity(
            user = "acme-sync",
            roles = {"customers:read", "customers:write", "automations:read", "automations:manage"},
            attributes = @SecurityAttribute(key = "partner_id", value = "acme"))
    void aPartnersTriggerFiresForItsCustomersAloneAndIsItsAlone() {
        String tag = uniqueTag();
        String trigger = anEventTrigger("customer.created")
                .with("condition", "tags==" + tag)
                .action("addTags", Map.of("tags", List.of("acme-welcomed")))
                .create();
        String own = aCustomer().with("tags", List.of(tag)).create();
        JsonPath runs = TriggerFixtures.awaitFinishedRuns(trigger, 1);
        assertThat(runs.getString("data[0].customerId")).isEqualTo(own);
        assertThat(runs.getString("data[0].status")).isEqualTo("succeeded");

        String house = UUID.randomUUID().toString();
        database.execute("""
                insert into customer (id, given_name, tags, created_at, updated_at)
                values (cast(? as uuid), 'House', array[?], now(), now())
                """, house, tag);
        given().contentType(ContentType.JSON)
                .body(Map.of("customerId", house))
                .when()
                .post("/v1/triggers/" + trigger + "/test")
                .then()
                .statusCode(404);
    }

    @Test
    @TestSecurity(
            user = "globex-sync",
            roles = {"automations:read", "automations:manage"},
            attributes = @SecurityAttribute(key = "partner_id", value = "globex"))
    void anotherPartnersTriggersAreNotFound() {
        String house = UUID.randomUUID().toString();
        database.execute("""
                insert into automation_trigger (id, name, enabled, kind, event_types, actions, created_at, updated_at)
                values (cast(? as uuid), 'House', true, 'event', array['customer.created'], '{"items":[]}', now(), now())
                """, house);
        given().when().get("/v1/triggers/" + house).then().statusCode(404);
        given().when().get("/v1/triggers/" + house + "/runs").then().statusCode(404);
        given().when().get("/v1/triggers").then().statusCode(200).body("data.id", not(hasItem(house)));
    }

    private static void problem(TriggerFixtures trigger, String field, String says) {
        trigger.post()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field))
                .body("errors.find { it.field == '" + field + "' }.message", containsString(says));
    }
}
