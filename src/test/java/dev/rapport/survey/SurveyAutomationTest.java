package dev.rapport.survey;

import static dev.rapport.automation.TriggerFixtures.anEventTrigger;
import static dev.rapport.automation.TriggerFixtures.awaitFinishedRuns;
import static dev.rapport.customer.CustomerFixtures.recordPurchase;
import static dev.rapport.customer.CustomerFixtures.uniqueTag;
import static dev.rapport.survey.SurveyFixtures.anNpsSurvey;
import static dev.rapport.survey.SurveyFixtures.answer;
import static dev.rapport.survey.SurveyFixtures.score;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.rapport.automation.TriggerFixtures;
import dev.rapport.customer.CustomerFixtures;
import dev.rapport.platform.Database;
import dev.rapport.platform.security.RolePermissions;
import dev.rapport.segment.SegmentFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

/** Surveys in automations: a trigger's sendSurvey action under the fatigue rules, and answers as trigger events. */
@QuarkusTest
@TestSecurity(user = "mona.manager", roles = "manager", augmentors = RolePermissions.class)
class SurveyAutomationTest {

    @Inject
    Database database;

    @AfterEach
    void disableTriggers() {
        TriggerFixtures.disableAll(database);
    }

    @Test
    void aPurchaseSendsASurveyOnceTheFatigueRuleAllowsAndADetractorsAnswerFiresATrigger() {
        String tag = uniqueTag();
        String survey = anNpsSurvey().create();
        String customer = CustomerFixtures.aCustomer()
                .with("tags", List.of(tag))
                .with("consents", Map.of("email", Map.of("granted", true)))
                .create();
        String send = anEventTrigger("purchase.recorded")
                .with("condition", "tags==" + tag)
                .action(
                        "sendSurvey",
                        Map.of("surveyId", survey, "channel", "email", "touchpoint", "purchase", "expiresIn", "P14D"))
                .create();
        String react = anEventTrigger("survey.response_received")
                .with("condition", "tags==" + tag + ";data.nps=le=6")
                .action("addTags", Map.of("tags", List.of("detractor")))
                .create();

        recordPurchase(customer, "ORD-1", "40.00");
        awaitFinishedRuns(send, 1);
        recordPurchase(customer, "ORD-2", "40.00");
        JsonPath runs = awaitFinishedRuns(send, 2);
        assertThat(runs.getList("data.status")).containsOnly("succeeded");
        assertThat(runs.getList("data.actions.flatten().outcome", String.class))
                .anySatisfy(outcome -> assertThat(outcome).startsWith("sent survey"))
                .anySatisfy(outcome -> assertThat(outcome).contains("suppressed: surveyed"));
        JsonPath asks = given().get("/v1/surveys/" + survey + "/distributions")
                .then()
                .extract()
                .jsonPath();
        assertThat(asks.getList("data.status")).containsExactlyInAnyOrder("sent", "suppressed");
        assertThat(asks.getList("data.touchpoint")).containsOnly("purchase");

        String token = database.string(
                "select payload->>'link' from event where type = 'survey.distribution_created'"
                        + " and payload->>'surveyId' = ?",
                survey);
        answer(token.substring(token.lastIndexOf('/') + 1), List.of(score("score", 2)), null)
                .statusCode(200);
        awaitFinishedRuns(react, 1);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> given().get("/v1/customers/" + customer).then().body("tags", hasItem("detractor")));
    }

    @Test
    void aDetractorEntersASegmentOnTheirLatestNpsAndFiguresBySegmentCountTheirAnswer() {
        String tag = uniqueTag();
        String customer = CustomerFixtures.aCustomer()
                .with("tags", List.of(tag))
                .with("consents", Map.of("email", Map.of("granted", true)))
                .create();
        String tagged = SegmentFixtures.aDynamicSegment("tags==" + tag).createReady();
        SegmentFixtures.awaitMembers(tagged, customer);
        String detractors = SegmentFixtures.aDynamicSegment("tags==" + tag + ";latestNpsCategory==detractor")
                .createReady();
        String survey = anNpsSurvey().create();

        answer(SurveyFixtures.tokenFor(survey, customer), List.of(score("score", 4)), null)
                .statusCode(200);
        SegmentFixtures.awaitMembers(detractors, customer);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().queryParam("surveyId", survey)
                        .queryParam("groupBy", "segment")
                        .queryParam("interval", "month")
                        .get("/v1/surveys/metrics")
                        .then()
                        .statusCode(200)
                        .body("total.responses", org.hamcrest.Matchers.equalTo(1))
                        .body("total.detractors", org.hamcrest.Matchers.equalTo(1))
                        .body("buckets.group", hasItem(tagged))
                        .body(
                                "buckets.figures.responseRate",
                                org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.nullValue())));
    }

    @Test
    void aSendSurveyActionNamesASurveyTheTriggerMaySend() {
        anEventTrigger("purchase.recorded")
                .action(
                        "sendSurvey",
                        Map.of("surveyId", java.util.UUID.randomUUID().toString(), "channel", "fax"))
                .post()
                .statusCode(400)
                .body("errors.field", hasItem("actions[0].settings.surveyId"))
                .body("errors.field", hasItem("actions[0].settings.channel"))
                .body("errors.field", hasItem("actions[0].settings.touchpoint"));
    }
}
