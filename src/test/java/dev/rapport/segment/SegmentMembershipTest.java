package dev.rapport.segment;

import static dev.rapport.customer.CustomerFixtures.aCustomer;
import static dev.rapport.customer.CustomerFixtures.uniqueTag;
import static dev.rapport.segment.SegmentFixtures.WAIT;
import static dev.rapport.segment.SegmentFixtures.aDynamicSegment;
import static dev.rapport.segment.SegmentFixtures.aStaticSegment;
import static dev.rapport.segment.SegmentFixtures.awaitMembers;
import static dev.rapport.segment.SegmentFixtures.changes;
import static dev.rapport.segment.SegmentFixtures.memberIds;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.rapport.customer.CustomerRfm;
import dev.rapport.platform.TestClock;
import dev.rapport.platform.security.RolePermissions;
import dev.rapport.webhook.WebhookFixtures;
import dev.rapport.webhook.WebhookReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Membership follows the customers: after their writes, with time alone, by API for static lists, on deletion. */
@QuarkusTest
@TestSecurity(user = "mona.manager", roles = "manager", augmentors = RolePermissions.class)
class SegmentMembershipTest {

    @Inject
    TestClock clock;

    @Inject
    SegmentComputation computation;

    @Inject
    CustomerRfm rfm;

    @Test
    void aPurchaseMovesAVipOutOfAtRiskAndTheReceiverIsToldWhy() throws Exception {
        String tag = uniqueTag();
        String atRisk = aCustomer().with("tags", List.of(tag)).create();
        purchase(atRisk, "ORD-OLD", OffsetDateTime.now(ZoneOffset.UTC).minusDays(70));
        String recent = aCustomer().with("tags", List.of(tag)).create();
        purchase(recent, "ORD-NEW", OffsetDateTime.now(ZoneOffset.UTC).minusDays(3));

        String rule = "tags==" + tag + ";lastPurchaseAt=lt=-P60D";
        given().contentType(ContentType.JSON)
                .body(Map.of("rule", rule))
                .when()
                .post("/v1/segments/preview")
                .then()
                .statusCode(200)
                .body("count", equalTo(1))
                .body("sample.id", contains(atRisk));

        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String endpoint =
                    WebhookFixtures.anEndpoint(receiver.url(), "segment.*").create();
            try {
                String segment =
                        aDynamicSegment(rule).with("name", "VIP at risk").createReady();
                assertThat(memberIds(segment)).containsExactly(atRisk);
                assertThat(SegmentFixtures.get(segment).getLong("memberCount")).isEqualTo(1);

                purchase(atRisk, "ORD-BACK", OffsetDateTime.now(ZoneOffset.UTC));

                List<WebhookReceiver.Received> got = receiver.await(
                        r -> r.body().contains(segment) && r.body().contains(atRisk), 1, WAIT);
                JsonPath exited = JsonPath.from(got.get(0).body());
                assertThat(exited.getString("type")).isEqualTo("segment.exited");
                assertThat(exited.getString("data.segmentName")).isEqualTo("VIP at risk");
                assertThat(exited.getInt("data.ruleVersion")).isEqualTo(1);
                assertThat(exited.getString("data.reason.cause")).isEqualTo("event");
                assertThat(exited.getString("data.reason.eventType")).isEqualTo("purchase.recorded");
                assertThat(exited.getList("data.reason.conditions")).containsExactly("lastPurchaseAt=lt=-P60D");

                assertThat(memberIds(segment)).isEmpty();
                assertThat(SegmentFixtures.get(segment).getLong("memberCount")).isZero();
                JsonPath history = changes(segment);
                assertThat(history.getList("data.change")).containsExactly("exited");
                assertThat(history.getString("data[0].customerId")).isEqualTo(atRisk);
                assertThat(history.getList("data[0].reason.conditions")).containsExactly("lastPurchaseAt=lt=-P60D");
                given().when()
                        .get("/v1/customers/" + atRisk + "/segments")
                        .then()
                        .statusCode(200)
                        .body("data", hasSize(0));
            } finally {
                WebhookFixtures.delete(endpoint);
            }
        }
    }

    @Test
    void customersEnterAfterTheirChangesAndTheConditionsThatHoldAreTheReason() {
        String tag = uniqueTag();
        String segment =
                aDynamicSegment("tags==" + tag + ";attributes.tier==gold").createReady();
        String customer = aCustomer().with("tags", List.of(tag)).create();
        assertThat(memberIds(segment)).isEmpty();

        given().contentType("application/merge-patch+json")
                .body(Map.of("attributes", Map.of("tier", "gold")))
                .when()
                .patch("/v1/customers/" + customer)
                .then()
                .statusCode(200);

        awaitMembers(segment, customer);
        JsonPath entered = changes(segment);
        assertThat(entered.getString("data[0].change")).isEqualTo("entered");
        assertThat(entered.getString("data[0].reason.eventType")).isEqualTo("customer.updated");
        assertThat(entered.getList("data[0].reason.conditions"))
                .containsExactly("tags==" + tag, "attributes.tier==gold");
        given().when()
                .get("/v1/customers/" + customer + "/segments")
                .then()
                .statusCode(200)
                .body("data.segmentId", contains(segment));
    }

    @Test
    void aNewSegmentAnnouncesItsFirstMembersOnlyWhenAsked() {
        String tag = uniqueTag();
        String customer = aCustomer().with("tags", List.of(tag)).create();
        String quiet = aDynamicSegment("tags==" + tag).createReady();
        String announced = aDynamicSegment("tags==" + tag)
                .with("announceInitialMembers", true)
                .createReady();

        assertThat(memberIds(quiet)).containsExactly(customer);
        assertThat(changes(quiet).getList("data")).isEmpty();
        assertThat(memberIds(announced)).containsExactly(customer);
        JsonPath history = changes(announced);
        assertThat(history.getList("data.change")).containsExactly("entered");
        assertThat(history.getString("data[0].reason.cause")).isEqualTo("created");
    }

    @Test
    void aNewRuleVersionEmitsOnlyTheRealDifferences() {
        String tag = uniqueTag();
        String stays = aCustomer().with("tags", List.of(tag, "gold")).create();
        String leaves = aCustomer().with("tags", List.of(tag)).create();
        String segment = aDynamicSegment("tags==" + tag).createReady();
        assertThat(memberIds(segment)).containsExactlyInAnyOrder(stays, leaves);

        given().contentType("application/merge-patch+json")
                .body(Map.of("rule", "tags==" + tag + ";tags==gold"))
                .when()
                .patch("/v1/segments/" + segment)
                .then()
                .statusCode(200)
                .body("ruleVersion", equalTo(2))
                .body("status", equalTo("computing"));

        SegmentFixtures.awaitReady(segment);
        assertThat(memberIds(segment)).containsExactly(stays);
        JsonPath history = changes(segment);
        assertThat(history.getList("data.customerId")).containsExactly(leaves);
        assertThat(history.getString("data[0].change")).isEqualTo("exited");
        assertThat(history.getString("data[0].reason.cause")).isEqualTo("rule");
        assertThat(history.getInt("data[0].ruleVersion")).isEqualTo(2);
        assertThat(history.getList("data[0].reason.conditions")).containsExactly("tags==gold");
    }

    @Test
    void aCustomerWhoseLastPurchaseTurns91DaysOldLeavesWithoutAnyWrite() {
        String tag = uniqueTag();
        String segment =
                aDynamicSegment("tags==" + tag + ";lastPurchaseAt=gt=-P90D").createReady();
        String customer = aCustomer().with("tags", List.of(tag)).create();
        purchase(customer, "ORD-1", OffsetDateTime.now(ZoneOffset.UTC));
        awaitMembers(segment, customer);

        clock.advance(Duration.ofDays(91));
        try {
            computation.sweep().await().atMost(WAIT);
            awaitMembers(segment);
            JsonPath history = changes(segment);
            assertThat(history.getString("data[0].change")).isEqualTo("exited");
            assertThat(history.getString("data[0].reason.cause")).isEqualTo("sweep");
            assertThat(history.getList("data[0].reason.conditions")).containsExactly("lastPurchaseAt=gt=-P90D");
        } finally {
            clock.reset();
        }
    }

    @Test
    void aStaticSegmentsListChangesByApiUpToItsRealDifferences() {
        String a = aCustomer().create();
        String b = aCustomer().create();
        String segment = aStaticSegment().create();
        assertThat(SegmentFixtures.get(segment).getString("status")).isEqualTo("ready");

        members(segment, "", List.of(a, b, a)).body("changed", equalTo(2)).body("memberCount", equalTo(2));
        members(segment, "", List.of(a)).body("changed", equalTo(0)).body("memberCount", equalTo(2));
        members(segment, "/remove", List.of(a)).body("changed", equalTo(1)).body("memberCount", equalTo(1));

        assertThat(memberIds(segment)).containsExactly(b);
        JsonPath history = changes(segment);
        assertThat(history.getList("data.change")).containsExactly("exited", "entered", "entered");
        assertThat(history.getString("data[0].reason.cause")).isEqualTo("api");

        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "customerIds", List.of(b, java.util.UUID.randomUUID().toString())))
                .when()
                .post("/v1/segments/" + segment + "/members")
                .then()
                .statusCode(400)
                .body("code", equalTo("validation-failed"))
                .body("errors[0].field", equalTo("customerIds[1]"));
        String dynamic = aDynamicSegment("tags==" + uniqueTag()).create();
        given().contentType(ContentType.JSON)
                .body(Map.of("customerIds", List.of(b)))
                .when()
                .post("/v1/segments/" + dynamic + "/members")
                .then()
                .statusCode(409)
                .body("code", equalTo("conflict"));
    }

    @Test
    void aDeletedCustomerLeavesEverySegment() {
        String tag = uniqueTag();
        String customer = aCustomer().with("tags", List.of(tag)).create();
        String dynamic = aDynamicSegment("tags==" + tag).createReady();
        String list = aStaticSegment().create();
        members(list, "", List.of(customer)).body("changed", equalTo(1));

        given().when().delete("/v1/customers/" + customer).then().statusCode(204);

        awaitMembers(dynamic);
        awaitMembers(list);
        assertThat(changes(dynamic).getString("data[0].reason.cause")).isEqualTo("deleted");
        assertThat(changes(list).getString("data[0].reason.cause")).isEqualTo("deleted");
        assertThat(SegmentFixtures.get(list).getLong("memberCount")).isZero();
    }

    @Test
    void rfmGroupsNameTheHighValueCustomers() {
        String tag = uniqueTag();
        String best = aCustomer().with("tags", List.of(tag)).create();
        // the most recent, most frequent and largest buyer of all (the clock allows a purchase an hour ahead)
        for (int i = 0; i < 40; i++) {
            purchase(
                    best,
                    "ORD-" + i,
                    OffsetDateTime.now(ZoneOffset.UTC).plusHours(1).minusMinutes(i),
                    "500.00");
        }
        String lapsed = aCustomer().with("tags", List.of(tag)).create();
        purchase(lapsed, "ORD-OLD", OffsetDateTime.now(ZoneOffset.UTC).minusDays(3000));

        rfm.refresh().await().atMost(WAIT);

        given().queryParam("filter", "tags==" + tag + ";rfmGroup==champions")
                .when()
                .get("/v1/customers")
                .then()
                .statusCode(200)
                .body("data.id", contains(best));
        given().queryParam("filter", "tags==" + tag + ";rfmGroup=in=(hibernating,at_risk);rfmRecency==1")
                .when()
                .get("/v1/customers")
                .then()
                .statusCode(200)
                .body("data.id", contains(lapsed));
        given().queryParam("filter", "tags==" + tag + ";purchaseCount=ge=40;lifetimeValue.EUR==20000")
                .when()
                .get("/v1/customers")
                .then()
                .statusCode(200)
                .body("data.id", contains(best));
    }

    private static io.restassured.response.ValidatableResponse members(
            String segment, String suffix, List<String> customerIds) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("customerIds", customerIds))
                .when()
                .post("/v1/segments/" + segment + "/members" + suffix)
                .then()
                .statusCode(200);
    }

    static void purchase(String customer, String orderRef, OffsetDateTime at) {
        purchase(customer, orderRef, at, "10.00");
    }

    static void purchase(String customer, String orderRef, OffsetDateTime at, String amount) {
        given().contentType(ContentType.JSON)
                .body(Map.of("orderRef", orderRef, "amount", amount, "currency", "EUR", "occurredAt", at.toString()))
                .when()
                .post("/v1/customers/" + customer + "/purchases")
                .then()
                .statusCode(201);
    }
}
