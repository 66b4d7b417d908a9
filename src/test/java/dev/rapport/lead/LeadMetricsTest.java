package dev.rapport.lead;

import static dev.rapport.customer.CustomerFixtures.uniqueTag;
import static dev.rapport.lead.LeadFixtures.aLead;
import static dev.rapport.lead.LeadFixtures.convert;
import static dev.rapport.lead.LeadFixtures.moveTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.rapport.platform.TestClock;
import dev.rapport.platform.security.RolePermissions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

/**
 * The pipeline figures against figures computed by hand. Times in stages come from the moved clock; requests take
 * some milliseconds on top, so times are compared to within a few seconds.
 */
@QuarkusTest
@TestSecurity(user = "mona.manager", roles = "manager", augmentors = RolePermissions.class)
class LeadMetricsTest {

    private static final double SECONDS = 10;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /**
     * Four leads captured together in a pipeline new → demo → won, and lost: A (ads, 1000 EUR) goes to demo after 2 h
     * and is converted 3 h later; B (ads, 500 EUR) goes to demo after 2 h; C (referral, 200 USD) is lost after 2 h
     * for "budget"; D (referral, no value) stays new.
     */
    @Test
    void conversionTimeInStageWeightedValueAndLostReasonsAreThoseComputedByHand() {
        String campaign = uniqueTag();
        String pipeline = LeadFixtures.pipeline(
                "Metrics " + campaign,
                List.of(
                        List.of("new", 10, "open"),
                        List.of("demo", 40, "open"),
                        List.of("won", 100, "won"),
                        List.of("lost", 0, "lost")));
        String a = inPipeline(campaign, pipeline, "ads", 1000, "EUR");
        String b = inPipeline(campaign, pipeline, "ads", 500, "EUR");
        String c = inPipeline(campaign, pipeline, "referral", 200, "USD");
        aLead(campaign).with("pipelineId", pipeline).with("source", "referral").create();

        clock.advance(Duration.ofHours(2));
        moveTo(a, "demo").statusCode(200);
        moveTo(b, "demo").statusCode(200);
        LeadFixtures.patch(c, Map.of("stage", "lost", "lostReason", "budget")).statusCode(200);
        clock.advance(Duration.ofHours(3));
        convert(a, Map.of()).statusCode(200).body("lead.stage", equalTo("won"));

        Instant now = clock.instant();
        JsonPath metrics = given().queryParam(
                        "from", now.minus(Duration.ofDays(1)).toString())
                .queryParam("to", now.plus(Duration.ofDays(1)).toString())
                .queryParam("pipeline", pipeline)
                .queryParam("interval", "month")
                .queryParam("groupBy", "source")
                .when()
                .get("/v1/leads/metrics")
                .then()
                .statusCode(200)
                .body("pipelineId", equalTo(pipeline))
                .body("periods.group", contains("ads", "referral"))
                .body("periods.created", contains(2, 2))
                .body("periods.converted", contains(1, 0))
                .body("periods.conversionRate", contains(0.5f, 0.0f))
                .body("periods.lost", contains(0, 1))
                .body("periods[0].wonValue", equalTo(List.of(Map.of("currency", "EUR", "amount", 1000))))
                .body("periods[1].wonValue", empty())
                .body("stages.stage", contains("new", "demo", "won", "lost"))
                .body("stages.leads", contains(1, 1, 1, 1))
                .body("stages.reached", contains(4, 2, 1, 1))
                .body("stages.advanced", contains(2, 1, 0, 0))
                .body("stages.conversionRate", contains(0.5f, 0.5f, 0.0f, 0.0f))
                .body("stages[0].weightedValue", empty())
                .body("stages[1].weightedValue", equalTo(List.of(Map.of("currency", "EUR", "amount", 200))))
                .body("stages[2].weightedValue", equalTo(List.of(Map.of("currency", "EUR", "amount", 1000))))
                .body("stages[3].weightedValue", equalTo(List.of(Map.of("currency", "USD", "amount", 0))))
                .body("stages[2].averageSeconds", nullValue())
                .body("weightedPipelineValue", equalTo(List.of(Map.of("currency", "EUR", "amount", 200))))
                .body("wonValue", equalTo(List.of(Map.of("currency", "EUR", "amount", 1000))))
                .body("lostReasons", equalTo(List.of(Map.of("reason", "budget", "count", 1))))
                .extract()
                .jsonPath();
        assertThat(metrics.getDouble("stages[0].averageSeconds")).isCloseTo(7200, within(SECONDS));
        assertThat(metrics.getDouble("stages[0].medianSeconds")).isCloseTo(7200, within(SECONDS));
        assertThat(metrics.getDouble("stages[1].averageSeconds")).isCloseTo(10800, within(SECONDS));
        assertThat(metrics.getDouble("stages[1].medianSeconds")).isCloseTo(10800, within(SECONDS));

        given().queryParam("from", now.minus(Duration.ofDays(1)).toString())
                .queryParam("to", now.plus(Duration.ofDays(1)).toString())
                .queryParam("pipeline", pipeline)
                .when()
                .get("/v1/leads/metrics")
                .then()
                .statusCode(200)
                .body("periods", hasSize(1))
                .body("periods[0].created", equalTo(4))
                .body("periods[0].conversionRate", equalTo(0.25f));
    }

    @Test
    void badParametersAreProblems() {
        given().queryParam("interval", "day")
                .when()
                .get("/v1/leads/metrics")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("interval"));
        given().queryParam("groupBy", "team")
                .when()
                .get("/v1/leads/metrics")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("groupBy"));
        given().queryParam("pipeline", "00000000-0000-7000-8000-00000000ffff")
                .when()
                .get("/v1/leads/metrics")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("pipeline"));
        given().queryParam("from", "2026-06-01T00:00:00Z")
                .queryParam("to", "2026-05-01T00:00:00Z")
                .when()
                .get("/v1/leads/metrics")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("from"));
    }

    private static String inPipeline(String campaign, String pipeline, String source, int value, String currency) {
        return aLead(campaign)
                .with("pipelineId", pipeline)
                .with("source", source)
                .with("estimatedValue", value)
                .with("currency", currency)
                .create();
    }
}
