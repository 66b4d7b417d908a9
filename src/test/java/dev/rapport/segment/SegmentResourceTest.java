package dev.rapport.segment;

import static dev.rapport.customer.CustomerFixtures.aCustomer;
import static dev.rapport.customer.CustomerFixtures.uniqueTag;
import static dev.rapport.segment.SegmentFixtures.aDynamicSegment;
import static dev.rapport.segment.SegmentFixtures.aStaticSegment;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.rapport.platform.security.RolePermissions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/** Defining segments: what is stored and shown, what is refused and why, who may do what. */
@QuarkusTest
@TestSecurity(user = "mona.manager", roles = "manager", augmentors = RolePermissions.class)
class SegmentResourceTest {

    @Test
    void aDynamicSegmentIsComputingUntilItsMembersAreKnown() {
        String tag = uniqueTag();
        String customer = aCustomer().with("tags", List.of(tag)).create();
        var created = aDynamicSegment("tags==" + tag)
                .with("name", "  Tagged  ")
                .with("description", "Everyone tagged")
                .post()
                .statusCode(201)
                .header("Location", containsString("/v1/segments/"))
                .header("ETag", equalTo("\"0\""))
                .body("name", equalTo("Tagged"))
                .body("kind", equalTo("dynamic"))
                .body("rule", equalTo("tags==" + tag))
                .body("ruleVersion", equalTo(1))
                .body("announceInitialMembers", equalTo(false))
                .extract()
                .jsonPath();
        String id = created.getString("id");

        var ready = SegmentFixtures.awaitReady(id);
        org.assertj.core.api.Assertions.assertThat(ready.getLong("memberCount")).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThat(ready.getString("computedAt"))
                .isNotNull();
        org.assertj.core.api.Assertions.assertThat(SegmentFixtures.memberIds(id))
                .containsExactly(customer);
        given().when().get("/v1/segments").then().statusCode(200).body("data.id", hasItem(id));
    }

    @Test
    void badRulesAreRefusedSayingWhichPartIsWrong() {
        invalidRule("tags==vip;", "rule", "unexpected input at column");
        invalidRule("shoeSize==42", "rule", "unknown field 'shoeSize'");
        invalidRule("lastPurchaseAt=lt=ninety", "rule", "'lastPurchaseAt' needs an ISO-8601 date or timestamp");
        invalidRule("purchaseCount=gt=many", "rule", "'purchaseCount' needs a number, not 'many'");
        invalidRule("consents.email=lt=true", "rule", "'consents.email' supports ==, !=, =in= and =out= only");

        aDynamicSegment("x").with("rule", null).post().statusCode(400).body("errors[0].field", equalTo("rule"));
        aStaticSegment().with("rule", "tags==vip").post().statusCode(400).body("errors[0].field", equalTo("rule"));
        aStaticSegment().with("kind", "smart").post().statusCode(400).body("errors[0].field", equalTo("kind"));
        aStaticSegment().with("name", " ").post().statusCode(400).body("errors[0].field", equalTo("name"));
        given().contentType(ContentType.JSON)
                .body(Map.of("rule", "nonsense==1"))
                .when()
                .post("/v1/segments/preview")
                .then()
                .statusCode(400)
                .body("code", equalTo("invalid-filter"))
                .body("errors[0].field", equalTo("rule"));
    }

    private static void invalidRule(String rule, String field, String message) {
        aDynamicSegment(rule)
                .post()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("invalid-filter"))
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", containsString(message));
    }

    @Test
    void changesNeedTheCurrentVersionAndTheKindStays() {
        String id = aStaticSegment().create();
        given().contentType("application/merge-patch+json")
                .header("If-Match", "\"7\"")
                .body(Map.of("name", "Renamed"))
                .when()
                .patch("/v1/segments/" + id)
                .then()
                .statusCode(412);
        given().contentType("application/merge-patch+json")
                .header("If-Match", "\"0\"")
                .body(Map.of("name", "Renamed", "description", "Hand-picked"))
                .when()
                .patch("/v1/segments/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("name", equalTo("Renamed"))
                .body("ruleVersion", equalTo(1))
                .body("status", equalTo("ready"));
        given().contentType("application/merge-patch+json")
                .body(Map.of("kind", "dynamic", "rule", "tags==vip"))
                .when()
                .patch("/v1/segments/" + id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("kind"));

        given().when().delete("/v1/segments/" + id).then().statusCode(204);
        given().when().get("/v1/segments/" + id).then().statusCode(404).body("code", equalTo("not-found"));
        given().when().get("/v1/segments/" + id + "/members").then().statusCode(404);
    }

    @Test
    void aRetriedCreateWithTheSameKeyMakesOneSegment() {
        String key = "segment-" + uniqueTag();
        Map<String, Object> body = Map.of("name", "Retried", "kind", "static");
        String first = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .when()
                .post("/v1/segments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .when()
                .post("/v1/segments")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", equalTo("true"))
                .body("id", equalTo(first));
    }

    @Test
    void membersCanBeFilteredByTheSameFacts() {
        String tag = uniqueTag();
        String gold = aCustomer().with("tags", List.of(tag, "gold")).create();
        aCustomer().with("tags", List.of(tag)).create();
        String id = aDynamicSegment("tags==" + tag).createReady();

        given().queryParam("filter", "tags==gold")
                .when()
                .get("/v1/segments/" + id + "/members")
                .then()
                .statusCode(200)
                .body("data.customerId", org.hamcrest.Matchers.contains(gold))
                .body("data[0].segmentName", equalTo("Segment tags==" + tag));
        given().queryParam("limit", 1)
                .when()
                .get("/v1/segments/" + id + "/members")
                .then()
                .statusCode(200)
                .body("data", hasSize(1))
                .body("hasMore", equalTo(true))
                .body("nextCursor", not(nullValue()));

        given().when().delete("/v1/segments/" + id).then().statusCode(204);
        given().when().get("/v1/segments/" + id + "/members").then().statusCode(404);
        org.assertj.core.api.Assertions.assertThat(
                        db.count("select count(*) from segment_member where segment_id = cast(? as uuid)", id))
                .as("members left behind")
                .isZero();
    }

    @Test
    @TestSecurity(user = "arthur.analyst", roles = "analyst", augmentors = RolePermissions.class)
    void analystsReadAndPreviewButDoNotDefine() {
        given().when().get("/v1/segments").then().statusCode(200);
        given().contentType(ContentType.JSON)
                .body(Map.of("rule", "tags==vip", "sampleSize", 0))
                .when()
                .post("/v1/segments/preview")
                .then()
                .statusCode(200)
                .body("sample", hasSize(0));
        aStaticSegment().post().statusCode(403).body("code", equalTo("forbidden"));
    }

    @Test
    @TestSecurity(
            user = "acme-sync",
            roles = {"customers:read", "customers:write", "segments:read", "segments:write"},
            attributes = @SecurityAttribute(key = "partner_id", value = "acme"))
    void aPartnersSegmentHoldsOnlyItsCustomersAndIsItsAlone() {
        String tag = uniqueTag();
        String own = aCustomer().with("tags", List.of(tag)).create();
        String segment = aDynamicSegment("tags==" + tag).createReady();
        org.assertj.core.api.Assertions.assertThat(SegmentFixtures.memberIds(segment))
                .containsExactly(own);
        given().contentType(ContentType.JSON)
                .body(Map.of("rule", "tags==" + tag))
                .when()
                .post("/v1/segments/preview")
                .then()
                .statusCode(200)
                .body("count", equalTo(1));
    }

    @Test
    @TestSecurity(
            user = "globex-sync",
            roles = {"customers:read", "segments:read", "segments:write"},
            attributes = @SecurityAttribute(key = "partner_id", value = "globex"))
    void anotherPartnersOrTheHousesSegmentsAreNotFound() {
        String house = housesSegment();
        given().when().get("/v1/segments/" + house).then().statusCode(404);
        given().when().get("/v1/segments/" + house + "/members").then().statusCode(404);
        given().when().get("/v1/segments").then().statusCode(200).body("data.id", not(hasItem(house)));
    }

    /** A segment created in-house, straight in the database (this test's caller is a partner). */
    private String housesSegment() {
        String id = java.util.UUID.randomUUID().toString();
        db.execute("""
                insert into segment (id, name, kind, status, created_at, updated_at)
                values (cast(? as uuid), 'House', 'static', 'ready', now(), now())
                """, id);
        return id;
    }

    @jakarta.inject.Inject
    dev.rapport.platform.Database db;
}
