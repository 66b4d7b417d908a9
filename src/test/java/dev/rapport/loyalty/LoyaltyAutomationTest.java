package dev.rapport.loyalty;

import static dev.rapport.automation.TriggerFixtures.anEventTrigger;
import static dev.rapport.automation.TriggerFixtures.awaitFinishedRuns;
import static dev.rapport.customer.CustomerFixtures.aCustomer;
import static dev.rapport.customer.CustomerFixtures.logInteraction;
import static dev.rapport.customer.CustomerFixtures.uniqueTag;
import static dev.rapport.loyalty.LoyaltyFixtures.aProgram;
import static dev.rapport.loyalty.LoyaltyFixtures.balance;
import static dev.rapport.loyalty.LoyaltyFixtures.enroll;
import static dev.rapport.loyalty.LoyaltyFixtures.posted;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.rapport.automation.TriggerFixtures;
import dev.rapport.platform.Database;
import dev.rapport.platform.security.RolePermissions;
import dev.rapport.segment.SegmentFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/** Loyalty in automations: the awardPoints action, and loyalty facts in segment rules. */
@QuarkusTest
@TestSecurity(user = "mona.manager", roles = "manager", augmentors = RolePermissions.class)
class LoyaltyAutomationTest {

    @Inject
    Database database;

    @AfterEach
    void disableTriggers() {
        TriggerFixtures.disableAll(database);
    }

    @Test
    void aTriggerAwardsPointsOncePerFiring() {
        String program = aProgram().create();
        String tag = uniqueTag();
        String customer = aCustomer().with("tags", List.of(tag)).create();
        String account = enroll(program, customer).statusCode(201).extract().path("id");
        String trigger = anEventTrigger("interaction.logged")
                .with("condition", "tags==" + tag)
                .action("awardPoints", Map.of("programId", program, "points", 25, "reasonCode", "feedback"))
                .create();

        logInteraction(customer, "Told us what they think");
        awaitFinishedRuns(trigger, 1);

        assertThat(balance(account)).isEqualTo(25);
        given().get("/v1/loyalty/accounts/" + account + "/transactions")
                .then()
                .body("data.type", contains("earn"))
                .body("data[0].reasonCode", equalTo("feedback"));
    }

    @Test
    void anAwardPointsActionIsCheckedWhenTheTriggerIsDefined() {
        anEventTrigger("interaction.logged")
                .action(
                        "awardPoints",
                        Map.of("programId", java.util.UUID.randomUUID().toString(), "points", 0))
                .post()
                .statusCode(400)
                .body(
                        "errors.field",
                        org.hamcrest.Matchers.hasItems("actions[0].settings.programId", "actions[0].settings.points"));
    }

    @Test
    void segmentRulesReadTheCustomersPointsAndTier() {
        String program = aProgram()
                .with("tiers", List.of(Map.of("key", "member", "name", "Member", "threshold", 0)))
                .create();
        String tag = uniqueTag();
        String rich = aCustomer().with("tags", List.of(tag)).create();
        String poor = aCustomer().with("tags", List.of(tag)).create();
        String richAccount = enroll(program, rich).statusCode(201).extract().path("id");
        enroll(program, poor).statusCode(201);
        String segment = SegmentFixtures.aDynamicSegment(
                        "tags==" + tag + ";loyaltyPoints=ge=100;loyaltyTier==member;loyaltyPointsExpiringSoon==0")
                .createReady();

        posted(richAccount, "earn", 150);

        SegmentFixtures.awaitMembers(segment, rich);
    }
}
