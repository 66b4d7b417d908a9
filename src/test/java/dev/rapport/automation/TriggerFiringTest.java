package dev.rapport.automation;

import static dev.rapport.automation.TriggerFixtures.WAIT;
import static dev.rapport.automation.TriggerFixtures.anEventTrigger;
import static dev.rapport.automation.TriggerFixtures.awaitFinishedRuns;
import static dev.rapport.customer.CustomerFixtures.aCustomer;
import static dev.rapport.customer.CustomerFixtures.uniqueTag;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.rapport.platform.Database;
import dev.rapport.platform.security.RolePermissions;
import dev.rapport.segment.SegmentFixtures;
import dev.rapport.webhook.WebhookFixtures;
import dev.rapport.webhook.WebhookReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Event triggers fire once per causing event, run their actions after the firing, and never loop. */
@QuarkusTest
@TestSecurity(user = "mona.manager", roles = "manager", augmentors = RolePermissions.class)
class TriggerFiringTest {

    @Inject
    Database database;

    @AfterEach
    void disableTriggers() {
        TriggerFixtures.disableAll(database);
    }

    @Test
    void aPurchaseThatMeetsTheConditionTagsTheCustomerAndIsDeliveredAsTriggerFired() throws Exception {
        String tag = uniqueTag();
        String customer = aCustomer().with("tags", List.of(tag)).create();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String endpoint =
                    WebhookFixtures.anEndpoint(receiver.url(), "trigger.fired").create();
            try {
                String trigger = anEventTrigger("purchase.*")
                        .with("condition", "tags==" + tag + ";data.currency==EUR;data.amount=ge=100")
                        .action("addTags", Map.of("tags", List.of("Big-Spender")))
                        .action("webhook", Map.of("payload", Map.of("template", "thanks")))
                        .create();

                purchase(customer, "ORD-SMALL", "20.00", "EUR");
                purchase(customer, "ORD-BIG", "150.00", "EUR");

                JsonPath runs = awaitFinishedRuns(trigger, 1);
                assertThat(runs.getString("data[0].status")).isEqualTo("succeeded");
                assertThat(runs.getString("data[0].eventType")).isEqualTo("purchase.recorded");
                assertThat(runs.getString("data[0].customerId")).isEqualTo(customer);
                assertThat(runs.getList("data[0].conditions"))
                        .containsExactly("tags==" + tag, "data.currency==EUR", "data.amount=ge=100");
                assertThat(runs.getList("data[0].actions.status")).containsExactly("succeeded", "succeeded");
                assertThat(runs.getString("data[0].actions[0].outcome")).isEqualTo("add tags [big-spender]");
                assertThat(runs.getInt("data[0].depth")).isZero();
                assertThat(given().get("/v1/customers/" + customer).jsonPath().getList("tags"))
                        .containsExactly(tag, "big-spender");

                List<WebhookReceiver.Received> got =
                        receiver.await(r -> r.body().contains(trigger), 1, WAIT);
                JsonPath fired = JsonPath.from(got.get(0).body());
                assertThat(fired.getString("type")).isEqualTo("trigger.fired");
                assertThat(fired.getString("data.runId")).isEqualTo(runs.getString("data[0].id"));
                assertThat(fired.getString("data.customerId")).isEqualTo(customer);
                assertThat(fired.getString("data.payload.template")).isEqualTo("thanks");
                assertThat(TriggerFixtures.get(trigger).getLong("firedCount")).isEqualTo(1);
            } finally {
                WebhookFixtures.delete(endpoint);
            }
        }
    }

    @Test
    void aTriggerNeverFiresOnTheChangesItsOwnActionsMade() {
        String tag = uniqueTag();
        String customer = aCustomer().with("tags", List.of(tag)).create();
        String trigger = anEventTrigger("customer.updated")
                .with("condition", "tags==" + tag)
                .action("setAttribute", Map.of("key", "touched", "value", true))
                .create();

        given().contentType("application/merge-patch+json")
                .body(Map.of("familyName", "Changed"))
                .when()
                .patch("/v1/customers/" + customer)
                .then()
                .statusCode(200);

        JsonPath runs = TriggerFixtures.awaitRuns(
                trigger,
                r -> r.getList("data").size() == 2 && !r.getList("data.status").contains("running"));
        // newest first: the skipped firing on the action's own customer.updated, then the firing on the API's
        assertThat(runs.getList("data.status")).containsExactly("skipped", "succeeded");
        assertThat(runs.getString("data[0].skipReason")).isEqualTo("loop");
        assertThat(runs.getInt("data[0].depth")).isEqualTo(1);
        assertThat(runs.getList("data[0].actions")).isEmpty();
        assertThat(given().get("/v1/customers/" + customer).jsonPath().getBoolean("attributes.touched"))
                .isTrue();
    }

    @Test
    void twoTriggersThatFeedEachOtherStopWhenTheChainComesBackRound() {
        String tag = uniqueTag();
        String customer = aCustomer().with("tags", List.of(tag)).create();
        String first = anEventTrigger("customer.updated")
                .with("condition", "tags==" + tag)
                .action("setAttribute", Map.of("key", "first", "value", "done"))
                .create();
        String second = anEventTrigger("customer.updated")
                .with("condition", "tags==" + tag)
                .action("setAttribute", Map.of("key", "second", "value", "done"))
                .create();

        given().contentType("application/merge-patch+json")
                .body(Map.of("familyName", "Changed"))
                .when()
                .patch("/v1/customers/" + customer)
                .then()
                .statusCode(200);

        // The API's change fires both (depth 0). Each one's change fires the other (depth 1) and is skipped by
        // itself: the change came of its own firing. The two changes are the only ones (setting an attribute that
        // is set already changes nothing), so each trigger sees three events. Which firing of the other made the
        // second change depends on the order the actions commit in.
        for (String trigger : List.of(first, second)) {
            JsonPath runs = awaitFinishedRuns(trigger, 3);
            assertThat(runs.getList("data.skipReason", String.class)).containsOnly(null, "loop");
            assertThat(runs.getList("data.findAll { it.depth == 0 }.status")).containsExactly("succeeded");
            assertThat(runs.getList("data.findAll { it.status == 'skipped' }.depth", Integer.class))
                    .allSatisfy(depth -> assertThat(depth).isPositive());
        }
        assertThat(given().get("/v1/customers/" + customer).jsonPath().getMap("attributes"))
                .containsEntry("first", "done")
                .containsEntry("second", "done");
    }

    @Test
    void aChainOfTriggersStopsAtItsLengthLimit() {
        // step i fires on the tag of step i - 1 and adds its own: a chain of six distinct triggers, one more than
        // rapport.automations.max-chain-length allows
        String tag = uniqueTag();
        List<String> steps = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            steps.add(anEventTrigger("customer.updated")
                    .with("condition", "tags==" + tag + "-" + (i - 1))
                    .action("addTags", Map.of("tags", List.of(tag + "-" + i)))
                    .create());
        }
        String customer = aCustomer().create();
        given().contentType("application/merge-patch+json")
                .body(Map.of("tags", List.of(tag + "-0")))
                .when()
                .patch("/v1/customers/" + customer)
                .then()
                .statusCode(200);

        JsonPath last =
                TriggerFixtures.awaitRuns(steps.get(5), r -> !r.getList("data").isEmpty());
        assertThat(last.getList("data.status")).containsExactly("skipped");
        assertThat(last.getString("data[0].skipReason")).isEqualTo("depth");
        assertThat(last.getInt("data[0].depth")).isEqualTo(5);
        JsonPath fifth = TriggerFixtures.runs(steps.get(4));
        assertThat(fifth.getList("data.findAll { it.status == 'succeeded' }.depth"))
                .containsExactly(4);
        assertThat(given().get("/v1/customers/" + customer).jsonPath().getList("tags", String.class))
                .contains(tag + "-5")
                .doesNotContain(tag + "-6");
    }

    @Test
    void aFrequencyCapSkipsFiringsBeyondItAndSaysSo() {
        String tag = uniqueTag();
        String customer = aCustomer().with("tags", List.of(tag)).create();
        String trigger = anEventTrigger("purchase.recorded")
                .with("condition", "tags==" + tag)
                .with("frequencyCap", Map.of("count", 1, "period", "P1D"))
                .action("webhook", Map.of())
                .create();

        purchase(customer, "ORD-1", "10.00", "EUR");
        purchase(customer, "ORD-2", "10.00", "EUR");

        JsonPath runs = awaitFinishedRuns(trigger, 2);
        assertThat(runs.getList("data.status")).containsExactly("skipped", "succeeded");
        assertThat(runs.getString("data[0].skipReason")).isEqualTo("frequencyCap");
    }

    @Test
    void anActionThatCannotSucceedFailsTheRunAndSkipsTheRest() {
        String tag = uniqueTag();
        String customer = aCustomer().with("tags", List.of(tag)).create();
        String list = SegmentFixtures.aStaticSegment().create();
        String trigger = anEventTrigger("purchase.recorded")
                .with("condition", "tags==" + tag)
                .action("addToSegment", Map.of("segmentId", list))
                .action("addTags", Map.of("tags", List.of("never")))
                .create();
        given().when().delete("/v1/segments/" + list).then().statusCode(204);

        purchase(customer, "ORD-1", "10.00", "EUR");

        JsonPath runs = awaitFinishedRuns(trigger, 1);
        assertThat(runs.getString("data[0].status")).isEqualTo("failed");
        assertThat(runs.getList("data[0].actions.status")).containsExactly("failed", "skipped");
        assertThat(runs.getString("data[0].actions[0].error")).contains("segment");
        assertThat(runs.getInt("data[0].actions[0].attempts")).isEqualTo(1);
        assertThat(given().get("/v1/customers/" + customer).jsonPath().getList("tags"))
                .containsExactly(tag);
    }

    @Test
    void assignOwnerTakesTurnsOverItsList() {
        String tag = uniqueTag();
        String trigger = anEventTrigger("customer.created")
                .with("condition", "tags==" + tag)
                .action("assignOwner", Map.of("ownerIds", List.of("ann", "bob")))
                .create();
        String one = aCustomer().with("tags", List.of(tag)).create();
        awaitFinishedRuns(trigger, 1);
        String two = aCustomer().with("tags", List.of(tag)).create();
        awaitFinishedRuns(trigger, 2);
        String three = aCustomer().with("tags", List.of(tag)).create();
        awaitFinishedRuns(trigger, 3);

        assertThat(List.of(one, two, three))
                .extracting(id -> given().get("/v1/customers/" + id).jsonPath().getString("ownerId"))
                .containsExactly("ann", "bob", "ann");
    }

    static void purchase(String customer, String orderRef, String amount, String currency) {
        given().contentType(ContentType.JSON)
                .body(Map.of("orderRef", orderRef, "amount", amount, "currency", currency))
                .when()
                .post("/v1/customers/" + customer + "/purchases")
                .then()
                .statusCode(201);
    }
}
